package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.BrowserTest;
import dev.holdfast.testing.TestAccounts;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A Manager records a vendor, a contract and a licence, assigns a seat and releases it, in headless Chromium. */
class ProcurementBrowserTest extends BrowserTest {

    @Test
    void aManagerCreatesVendorContractLicenceAndAssignsAndReleasesASeat() {
        TestAccounts.Person owner = accounts.owner("Procurement Browsers");
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);
        ApiClient api = accounts.as(owner);
        api.post("/api/v1/people", Map.of("name", "Alice Example"));
        signIn(manager.email(), TestAccounts.PASSWORD);

        driver.findElement(By.id("nav-procurement")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-vendors"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty-state")));
        Browser.screenshot(driver, "vendors-empty");
        driver.findElement(By.id("add-first-vendor")).click();

        // a validation error is shown next to its field, what was typed stays
        driver.findElement(By.id("contactName")).sendKeys("Dana Dealer");
        driver.findElement(By.id("email")).sendKeys("not-an-address");
        click(By.id("save"));
        WebElement nameError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        assertThat(nameError.getText()).isEqualTo("is required");
        assertThat(driver.findElement(By.id("contactName")).getAttribute("value")).isEqualTo("Dana Dealer");
        driver.findElement(By.id("name")).sendKeys("Dell Technologies");
        click(By.id("save"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys("dana@dell.example");
        driver.findElement(By.id("auditCadenceMonths")).sendKeys("12");
        click(By.id("save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "created"));
        assertThat(driver.findElement(By.id("vendor-name")).getText()).isEqualTo("Dell Technologies");

        // record an audit: the next one is due a year later
        new Select(driver.findElement(By.id("result"))).selectByValue("PASSED");
        click(By.id("save-audit"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Audit recorded"));
        assertThat(driver.findElement(By.id("next-audit-due")).getText())
                .contains(LocalDate.now().plusMonths(12).toString());
        Browser.screenshot(driver, "vendor-detail");

        // a contract with the vendor (chosen already)
        click(By.id("add-contract"));
        driver.findElement(By.id("title")).sendKeys("Premier Support");
        setValue(driver.findElement(By.id("endsOn")), LocalDate.now().plusDays(60).toString());
        driver.findElement(By.id("noticeDays")).sendKeys("30");
        click(By.id("save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "created"));
        assertThat(driver.findElement(By.id("notice-deadline")).getText())
                .isEqualTo(LocalDate.now().plusDays(30).toString());

        // a licence with one seat
        driver.findElement(By.id("nav-procurement")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-licenses"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-first-license"))).click();
        driver.findElement(By.id("product")).sendKeys("Adobe Acrobat Pro");
        new Select(driver.findElement(By.id("vendorId"))).selectByVisibleText("Dell Technologies");
        new Select(driver.findElement(By.id("contractId"))).selectByVisibleText("Premier Support");
        driver.findElement(By.id("seats")).sendKeys("1");
        driver.findElement(By.id("licenseKey")).sendKeys("AAAA-BBBB-CCCC");
        click(By.id("save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "created"));
        assertThat(driver.findElement(By.id("license-key")).getText()).isEqualTo("AAAA-BBBB-CCCC");
        assertThat(driver.findElement(By.id("seat-count")).getText()).isEqualTo("0 of 1 seats assigned");

        // assign the seat to Alice, then release it
        new Select(driver.findElement(By.id("personId"))).selectByVisibleText("Alice Example");
        click(By.id("assign-person-button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Seat assigned to Alice Example"));
        assertThat(driver.findElement(By.id("seat-count")).getText()).isEqualTo("1 of 1 seats assigned");
        assertThat(driver.findElement(By.id("seat-table")).getText()).contains("Alice Example");
        assertThat(driver.findElements(By.id("seats-full"))).hasSize(1);
        Browser.screenshot(driver, "license-seat-assigned");
        click(By.cssSelector("button.release-seat"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Seat released"));
        assertThat(driver.findElement(By.id("seat-count")).getText()).isEqualTo("0 of 1 seats assigned");
        assertThat(driver.findElement(By.id("no-seats")).isDisplayed()).isTrue();

        // the licence list finds it; the contract shows it
        driver.get(url("/licenses"));
        driver.findElement(By.id("q")).sendKeys("acrobat");
        wait.until(ExpectedConditions.urlContains("q=acrobat"));
        assertThat(driver.findElements(By.cssSelector("a.license-link"))).hasSize(1);
        driver.get(url("/contracts"));
        driver.findElement(By.linkText("Premier Support")).click();
        assertThat(driver.findElement(By.id("contract-licenses")).getText()).contains("Adobe Acrobat Pro");
    }

    private void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
