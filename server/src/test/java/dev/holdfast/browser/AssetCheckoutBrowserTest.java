package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.BrowserTest;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A Manager checks an asset out to a person, checks it in and records an audit, in a real browser. */
class AssetCheckoutBrowserTest extends BrowserTest {


    @Test
    void checkOutCheckInAndAudit() {
        TestAccounts.Person owner = accounts.owner("Lending Library");
        ApiClient api = accounts.as(owner);
        api.post("/api/v1/people", Map.of("name", "Pat Borrower"));
        String asset = api.post("/api/v1/assets", Map.of("name", "Projector")).json().get("id").asString();
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);

        signIn(manager.email(), TestAccounts.PASSWORD);

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
