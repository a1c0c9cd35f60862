package dev.holdfast.testing;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A {@link WebTest} driving a real headless Chromium, one fresh browser per test. */
public abstract class BrowserTest extends WebTest {

    protected WebDriver driver;
    protected WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fills and sends the login form (on the current page, which must be the login page). */
    protected void fillLogin(String email, String password) {
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    /** Opens the login page, signs in and waits for the start page. */
    protected void signIn(String email, String password) {
        driver.get(url("/login"));
        fillLogin(email, password);
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }
}
