package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A Manager checks an asset out to a person, checks it in and records an audit, in a real browser. */
class AssetCheckoutBrowserTest extends WebTest {

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void checkOutCheckInAndAudit() {
        TestAccounts.Person owner = accounts.owner("Lending Library");
        ApiClient api = accounts.as(owner);
        api.post("/api/v1/people", Map.of("name", "Pat Borrower"));
        String asset = api.post("/api/v1/assets", Map.of("name", "Projector")).json().get("id").asString();
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);

        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("email")).sendKeys(manager.email());
        driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));

        driver.get("http://localhost:" + port + "/assets/" + asset);
        new Select(driver.findElement(By.id("checkout-person"))).selectByVisibleText("Pat Borrower");
        driver.findElement(By.id("checkout-note")).sendKeys("for the offsite");
        driver.findElement(By.id("checkout")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Checked out to Pat Borrower"));
        assertThat(api.get("/api/v1/assets/" + asset).json().get("assignedTo").get("name").asString())
                .isEqualTo("Pat Borrower");
        Browser.screenshot(driver, "asset-checked-out");

        driver.findElement(By.id("checkin")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Checked in."));
        driver.findElement(By.id("audit-note")).sendKeys("on the shelf");
        driver.findElement(By.id("audit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Audit recorded"));
        assertThat(api.get("/api/v1/assets/" + asset + "/history").json().get("items").findValuesAsString("action"))
                .containsSubsequence("asset.audited", "asset.checked_in", "asset.checked_out", "asset.created");
    }
}
