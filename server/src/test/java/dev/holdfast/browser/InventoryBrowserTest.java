package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.BrowserTest;
import dev.holdfast.testing.TestAccounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Custom fields on the asset forms, a background import with progress, and a management page, in Chromium. */
class InventoryBrowserTest extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void aManagerCreatesAnAssetWithCustomFieldsThenSearchesEditsAndChecksItOut() {
        TestAccounts.Person owner = accounts.owner("Field Browsers");
        ApiClient api = accounts.as(owner);
        String laptops = api.post("/api/v1/categories", Map.of("name", "Laptops")).json().get("id").asString();
        api.post("/api/v1/categories/" + laptops + "/fields",
                Map.of("key", "ram_gb", "label", "RAM (GB)", "type", "NUMBER", "required", true));
        api.post("/api/v1/categories/" + laptops + "/fields",
                Map.of("key", "os", "label", "Operating system", "type", "LIST", "options", List.of("Windows", "Linux")));
        api.post("/api/v1/people", Map.of("name", "Pat Borrower"));
        api.post("/api/v1/assets", Map.of("name", "Some other thing"));
        signIn(accounts.member(owner, Role.MANAGER).email(), TestAccounts.PASSWORD);

        driver.get(url("/assets/new"));
        assertThat(driver.findElements(By.id("cf-ram_gb"))).isEmpty();
        driver.findElement(By.id("name")).sendKeys("ThinkPad X1");
        driver.findElement(By.id("category")).sendKeys("Laptops", Keys.TAB);
        // the category's fields are swapped in by htmx
        WebElement ram = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-ram_gb")));
        ram.sendKeys("lots"); // a number input takes no letters: the required field stays empty
        click(By.id("save-asset"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-ram_gb-error")));
        assertThat(error.getText()).isEqualTo("is required for this category");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("ThinkPad X1");
        Browser.screenshot(driver, "asset-custom-field-error");
        ram = driver.findElement(By.id("cf-ram_gb"));
        ram.clear();
        ram.sendKeys("16");
        new Select(driver.findElement(By.id("cf-os"))).selectByVisibleText("Linux");
        click(By.id("save-asset"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "created"));
        assertThat(driver.findElement(By.id("asset-details")).getText()).contains("RAM (GB)", "16", "Operating system", "Linux");
        Browser.screenshot(driver, "asset-custom-fields");

        // search from the list
        driver.findElement(By.id("nav-inventory")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-assets"))).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.row-select"), 2));
        driver.findElement(By.id("q")).sendKeys("thinkpad");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.row-select"), 1));
        driver.findElement(By.linkText("ThinkPad X1")).click();

        // edit a custom field
        driver.findElement(By.id("edit-asset")).click();
        ram = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cf-ram_gb")));
        assertThat(ram.getAttribute("value")).isEqualTo("16");
        ram.clear();
        ram.sendKeys("32");
        click(By.id("save-asset"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Changes saved"));
        assertThat(driver.findElement(By.id("asset-details")).getText()).contains("32");

        // check out
        new Select(driver.findElement(By.id("checkout-person"))).selectByVisibleText("Pat Borrower");
        click(By.id("checkout"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Checked out to Pat Borrower"));
        assertThat(driver.findElement(By.id("asset-assignee")).getText()).contains("Pat Borrower");
    }

    @Test
    void aLargeImportRunsInTheBackgroundWithProgressThenShowsItsReport() throws Exception {
        TestAccounts.Person owner = accounts.owner("Big Importers");
        StringBuilder csv = new StringBuilder("Name,Asset Tag,Category,Notes\n");
        String padding = "x".repeat(60);
        for (int i = 1; i <= 6000; i++) {
            csv.append("Bulk item ").append(i).append(",BULK-").append(i).append(",Bulk,").append(padding).append('\n');
        }
        csv.append("Broken,BULK-1,Bulk,duplicate tag\n");
        Path file = files.resolve("big.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isGreaterThan(256 * 1024);
        signIn(accounts.member(owner, Role.MANAGER).email(), TestAccounts.PASSWORD);

        driver.get(url("/assets/import"));
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import")).click();
        wait.until(ExpectedConditions.urlMatches("/assets/import/[0-9a-f-]{36}$"));
        assertThat(driver.findElement(By.id("import-progress")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "asset-import-progress");
        WebElement report = new WebDriverWait(driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")));
        assertThat(driver.findElement(By.id("created")).getText()).isEqualTo("6000 created");
        assertThat(driver.findElement(By.id("failed")).getText()).isEqualTo("1 failed");
        assertThat(driver.findElement(By.id("import-errors")).getText()).contains("6002", "already on line 2");
        assertThat(report.getText()).contains("big.csv");
        Browser.screenshot(driver, "asset-import-report");
        assertThat(accounts.as(owner).get("/api/v1/assets?q=BULK-5999").json().get("items").size()).isEqualTo(1);
    }

    @Test
    void aManagerAddsACategoryWithAFieldRenamesAndDeletesIt() {
        TestAccounts.Person owner = accounts.owner("Category Browsers");
        signIn(accounts.member(owner, Role.MANAGER).email(), TestAccounts.PASSWORD);
        driver.findElement(By.id("nav-inventory")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-categories"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty-state")));
        driver.findElement(By.id("add-first")).click();
        click(By.id("save-row"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error"))).getText())
                .contains("is required");
        driver.findElement(By.id("name")).sendKeys("Phones");
        click(By.id("save-row"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Category Phones created"));

        driver.findElement(By.id("field-label")).sendKeys("IMEI");
        driver.findElement(By.id("field-key")).sendKeys("imei");
        new Select(driver.findElement(By.id("field-type"))).selectByVisibleText("Text");
        driver.findElement(By.id("field-required")).click();
        click(By.id("add-field"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Field “IMEI” added"));
        assertThat(driver.findElement(By.id("field-table")).getText()).contains("IMEI", "imei", "Text", "Yes");
        Browser.screenshot(driver, "category-fields");

        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys("Mobile phones");
        click(By.id("save-row"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "saved"));
        assertThat(driver.findElement(By.id("ref-table")).getText()).contains("Mobile phones");
        Browser.screenshot(driver, "categories");
        click(By.cssSelector("button.delete-row"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "deleted"));
        assertThat(driver.findElement(By.id("empty-state")).isDisplayed()).isTrue();
    }

    private void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }
}
