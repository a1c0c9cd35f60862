package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;


import dev.holdfast.accounts.Role;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.BrowserTest;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A person in a real (headless) Chromium: sign up, sign in, switch company, invite, sign out. */
class AccountsBrowserTest extends BrowserTest {


    @Test
    void signUpSignInSwitchCompanyInviteAndSignOut() {
        String email = TestAccounts.uniqueEmail("browser");
        driver.get(url("/signup"));
        driver.findElement(By.id("company")).sendKeys("Browser Works");
        driver.findElement(By.id("name")).sendKeys("Bea Browser");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.id("create-company")).click();

        wait.until(ExpectedConditions.urlContains("/login?signedUp"));
        assertThat(driver.getPageSource()).contains("Your company is ready");
        fillLogin(email, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("home-company"), "Browser Works"));
        assertThat(driver.findElement(By.id("user-menu")).getText()).isEqualTo("Bea Browser");

        // a second company this person belongs to
        TestAccounts.Person other = accounts.owner("Second Shop");
        java.util.UUID userId = jdbc.sql("select id from users where email = ?").param(email).query(java.util.UUID.class).single();
        accounts.addTo(other.tenantId(), userId, Role.ADMIN);
        driver.get(url("/"));
        new Select(driver.findElement(By.id("tenantId"))).selectByVisibleText("Second Shop");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "You are now working in Second Shop"));
        assertThat(driver.findElement(By.id("home-company")).getText()).contains("Second Shop");
        Browser.screenshot(driver, "switched-company");

        driver.findElement(By.linkText("Users")).click();
        String invitee = TestAccounts.uniqueEmail("colleague");
        driver.findElement(By.id("invite-email")).sendKeys(invitee);
        new Select(driver.findElement(By.id("invite-role"))).selectByValue("MANAGER");
        driver.findElement(By.id("send-invite")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Invitation sent to " + invitee));
        assertThat(driver.findElement(By.id("pending")).getText()).contains(invitee, "Manager");
        Browser.screenshot(driver, "users-page");

        driver.findElement(By.id("user-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(driver.getPageSource()).contains("You have signed out.");
        driver.get(url("/users"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void aWrongPasswordSaysSoClearly() {
        TestAccounts.Person owner = accounts.owner("Careful Ltd");
        driver.get(url("/login"));
        fillLogin(owner.email(), "this is not my password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(driver.findElement(By.id("login-error")).getText()).isEqualTo("Wrong e-mail address or password.");
        Browser.screenshot(driver, "wrong-password");
    }

}
