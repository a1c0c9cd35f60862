package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.BrowserTest;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A Manager and a Viewer using the asset pages in a real (headless) Chromium. */
class AssetsBrowserTest extends BrowserTest {


    @Test
    void aManagerCreatesFindsEditsBulkChangesAndPrintsLabels() {
        TestAccounts.Person owner = accounts.owner("Asset Browsers");
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);
        signIn(manager.email());

        openAssets();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty-state")));
        Browser.screenshot(driver, "assets-empty");
        driver.findElement(By.id("add-first-asset")).click();

        // a validation error is shown next to its field, what was typed stays
        driver.findElement(By.id("serialNumber")).sendKeys("5CG1234XYZ");
        driver.findElement(By.id("category")).sendKeys("Laptops");
        click(By.id("save-asset"));
        WebElement nameError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        assertThat(nameError.getText()).isEqualTo("is required");
        assertThat(driver.findElement(By.id("serialNumber")).getAttribute("value")).isEqualTo("5CG1234XYZ");
        assertThat(driver.findElement(By.id("name")).getAttribute("class")).contains("is-invalid");
        Browser.screenshot(driver, "asset-form-error");

        driver.findElement(By.id("name")).sendKeys("Latitude 7440");
        driver.findElement(By.id("manufacturer")).sendKeys("Dell");
        driver.findElement(By.id("location")).sendKeys("Berlin HQ");
        setValue(driver.findElement(By.id("purchaseDate")), java.time.LocalDate.now().minusMonths(35).toString());
        driver.findElement(By.id("warrantyMonths")).sendKeys("36");
        driver.findElement(By.id("tags")).sendKeys("mac:c3:11:0a:5f:22:9b");
        click(By.id("save-asset"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "created"));
        assertThat(driver.findElement(By.id("asset-name")).getText()).isEqualTo("Latitude 7440");
        assertThat(driver.findElement(By.id("warranty")).getText()).contains("Expires in");
        assertThat(driver.findElement(By.id("asset-tags")).getText()).contains("mac:c3:11:0a:5f:22:9b");
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "const i = document.getElementById('asset-qr'); return i.complete && i.naturalWidth > 0;")).isTrue();
        Browser.screenshot(driver, "asset-detail");

        ApiClient api = accounts.as(owner);
        String a = api.post("/api/v1/assets", Map.of("name", "Monitor A", "location", "Berlin HQ")).json().get("id").asString();
        String b = api.post("/api/v1/assets", Map.of("name", "Monitor B")).json().get("id").asString();
        api.post("/api/v1/assets", Map.of("name", "Monitor C"));

        // live search: the table refreshes in place and the address follows
        openAssets();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.row-select"), 4));
        driver.findElement(By.id("q")).sendKeys("latitude");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.row-select"), 1));
        wait.until(ExpectedConditions.urlContains("q=latitude"));
        Browser.screenshot(driver, "assets-search");
        driver.findElement(By.linkText("Latitude 7440")).click();

        driver.findElement(By.id("edit-asset")).click();
        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys("Latitude 7440 (refurbished)");
        click(By.id("save-asset"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Changes saved."));
        String history = driver.findElement(By.id("history")).getText();
        assertThat(history).contains("Changed", "Name: Latitude 7440 → Latitude 7440 (refurbished)", "Created");
        assertThat(history.indexOf("Changed")).isLessThan(history.indexOf("Created"));
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('history').scrollIntoView({block: 'center', behavior: 'instant'});");
        Browser.screenshot(driver, "asset-history");

        // bulk: choose two monitors (one of them on a second page) and mark them broken
        driver.get(url("/assets?sort=name&size=25"));
        driver.findElement(By.cssSelector("input.row-select[value='" + a + "']")).click();
        driver.findElement(By.id("q")).sendKeys("Monitor B");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input.row-select"), 1));
        driver.findElement(By.cssSelector("input.row-select[value='" + b + "']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("bulk-count"), "2 selected"));
        new Select(driver.findElement(By.id("bulk-status"))).selectByVisibleText("Broken");
        Browser.screenshot(driver, "assets-bulk-bar");
        click(By.id("bulk-set-status"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Status changed for 2 assets."));
        assertThat(api.get("/api/v1/assets/" + a).json().get("status").asString()).isEqualTo("Broken");
        assertThat(api.get("/api/v1/assets/" + b).json().get("status").asString()).isEqualTo("Broken");
        assertThat(driver.findElement(By.id("bulk-form")).getAttribute("class")).contains("d-none");

        // labels for the two
        driver.get(url("/assets?sort=name"));
        driver.findElement(By.cssSelector("input.row-select[value='" + a + "']")).click();
        driver.findElement(By.cssSelector("input.row-select[value='" + b + "']")).click();
        driver.findElement(By.id("bulk-labels")).click();
        wait.until(ExpectedConditions.urlContains("/assets/labels"));
        List<WebElement> labels = driver.findElements(By.cssSelector("#label-sheet .asset-label"));
        assertThat(labels).hasSize(2);
        assertThat(labels.get(0).findElements(By.tagName("svg"))).hasSize(1);
        assertThat(driver.findElement(By.id("label-sheet")).getText()).contains("Monitor A", "Monitor B");
        Browser.screenshot(driver, "asset-labels");

        driver.get(url("/"));
        wait.until(ExpectedConditions.textToBe(By.id("count-total"), "4"));
        assertThat(driver.findElement(By.id("count-undeployable")).getText()).isEqualTo("2");
        Browser.screenshot(driver, "home-counts");
    }

    @Test
    void aViewerSeesNoWriteButtons() {
        TestAccounts.Person owner = accounts.owner("Viewing Co");
        String id = accounts.as(owner).post("/api/v1/assets", Map.of("name", "Projector")).json().get("id").asString();
        TestAccounts.Person viewer = accounts.member(owner, Role.VIEWER);
        signIn(viewer.email());
        openAssets();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Projector")));
        assertThat(driver.findElements(By.id("new-asset"))).isEmpty();
        driver.findElement(By.cssSelector("input.row-select[value='" + id + "']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("bulk-count"), "1 selected"));
        assertThat(driver.findElements(By.id("bulk-set-status"))).isEmpty();
        assertThat(driver.findElements(By.id("bulk-labels"))).hasSize(1);
        driver.findElement(By.linkText("Projector")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("asset-name")));
        assertThat(driver.findElements(By.id("edit-asset"))).isEmpty();
        assertThat(driver.findElements(By.id("delete-asset"))).isEmpty();
        Browser.screenshot(driver, "asset-detail-viewer");
        driver.get(url("/assets/new"));
        assertThat(driver.getPageSource()).contains("403", "Not allowed");
    }

    private void signIn(String email) {
        signIn(email, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-company")));
    }

    /** Scrolls the element to the middle of the window first (a long form's button may sit under the fold; Bootstrap scrolls smoothly, so not animated). */
    /** Inventory → Assets in the navbar. */
    private void openAssets() {
        driver.findElement(By.id("nav-inventory")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-assets"))).click();
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
