package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.BrowserTest;
import dev.holdfast.testing.TestAccounts;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An Owner sees a warranty alert on the bell, reads it, opens the dashboard and changes the alert settings. */
class AlertsBrowserTest extends BrowserTest {

    @Test
    void bellNotificationsMarkReadDashboardAndSettings() {
        TestAccounts.Person owner = accounts.owner("Bell Co");
        ApiClient api = accounts.as(owner);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        String id = api.post("/api/v1/assets", Map.of("name", "Laptop 7", "assetTag", "BELL-7",
                "warrantyExpiresOn", today.plusDays(5).toString())).json().get("id").asString();
        long until = System.currentTimeMillis() + 10_000;
        while (api.get("/api/v1/notifications").json().isEmpty() && System.currentTimeMillis() < until) {
            sleep();
        }

        signIn(owner.email(), TestAccounts.PASSWORD);
        assertThat(driver.findElement(By.id("bell-count")).getText()).isEqualTo("1");
        driver.findElement(By.id("nav-bell")).click();
        wait.until(ExpectedConditions.urlToBe(url("/notifications")));
        WebElement item = driver.findElement(By.cssSelector("#notifications li"));
        assertThat(item.getText()).contains("Warranty of Laptop 7 (BELL-7) ends in 5 days");
        assertThat(item.getAttribute("data-read")).isEqualTo("false");
        assertThat(item.findElement(By.className("notification-link")).getAttribute("href")).endsWith("/assets/" + id);
        Browser.screenshot(driver, "notifications");
        item.findElement(By.className("mark-read")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("bell-count")));
        assertThat(driver.findElement(By.cssSelector("#notifications li")).getAttribute("data-read")).isEqualTo("true");
        assertThat(api.get("/api/v1/notifications?unread=true").json()).isEmpty();

        driver.findElement(By.id("nav-dashboard")).click();
        wait.until(ExpectedConditions.urlToBe(url("/dashboard")));
        assertThat(driver.findElement(By.id("dash-total")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("dash-warranties-30")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("dash-open-alerts")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("dash-expiring")).getText()).contains("Warranties");
        Browser.screenshot(driver, "dashboard");

        driver.findElement(By.id("nav-alert-settings")).click();
        wait.until(ExpectedConditions.urlToBe(url("/settings/alerts")));
        WebElement days = driver.findElement(By.id("WARRANTY_EXPIRING-days"));
        assertThat(days.getAttribute("value")).isEqualTo("30");
        days.clear();
        days.sendKeys("0");
        driver.findElement(By.id("WARRANTY_EXPIRING-emails")).sendKeys("not an address");
        click(By.id("save-alert-settings"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        days = driver.findElement(By.id("WARRANTY_EXPIRING-days"));
        assertThat(days.getAttribute("class")).contains("is-invalid");
        assertThat(days.getAttribute("value")).isEqualTo("0");
        assertThat(driver.findElement(By.cssSelector("[data-kind=WARRANTY_EXPIRING]")).getText())
                .contains("must be a whole number from 1 to 365").contains("is not a valid e-mail address");
        Browser.screenshot(driver, "alert-settings-error");

        days.clear();
        days.sendKeys("45");
        WebElement emails = driver.findElement(By.id("WARRANTY_EXPIRING-emails"));
        emails.clear();
        emails.sendKeys("it-team@example.com");
        click(By.id("LICENSE_CAPACITY-enabled"));
        click(By.id("save-alert-settings"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Alert settings saved"));
        assertThat(driver.findElement(By.id("WARRANTY_EXPIRING-days")).getAttribute("value")).isEqualTo("45");
        assertThat(driver.findElement(By.id("LICENSE_CAPACITY-enabled")).isSelected()).isFalse();
        var json = api.get("/api/v1/alert-settings").json().get("kinds");
        assertThat(json.get("WARRANTY_EXPIRING").get("days").asInt()).isEqualTo(45);
        assertThat(json.get("WARRANTY_EXPIRING").get("emails").get(0).asString()).isEqualTo("it-team@example.com");
        assertThat(json.get("LICENSE_CAPACITY").get("enabled").asBoolean()).isFalse();
    }

    private void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
