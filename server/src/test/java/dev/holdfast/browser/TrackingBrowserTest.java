package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.BrowserTest;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.tracking.FieldUploads;
import dev.holdfast.tracking.domain.CorrelationWorker;
import dev.holdfast.tracking.domain.TrackFixtures;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A collector walks past a tagged asset; its owner then sees the asset's Whereabouts card (last seen, the map with the
 * position and its uncertainty, the Location it is in and the one it belongs to) and the fleet map — and no page says
 * anything about the device.
 */
class TrackingBrowserTest extends BrowserTest {

    @Autowired
    CorrelationWorker worker;

    @Test
    void anOwnerSeesAnAssetsWhereaboutsAndTheMap() throws Exception {
        TestAccounts.Person owner = accounts.owner("Map Co");
        ApiClient api = accounts.as(owner);
        String depot = api.post("/api/v1/locations", Map.of("name", "North depot", "latitude", TrackFixtures.LAT0,
                "longitude", TrackFixtures.LON0, "radiusM", 40)).json().get("id").asString();
        String asset = api.post("/api/v1/assets", Map.of("name", "Pallet jack", "location", depot,
                "tags", List.of(TrackFixtures.IBEACON_TAG))).json().get("id").asString();
        String unseen = api.post("/api/v1/assets", Map.of("name", "Forklift", "location", depot,
                "tags", List.of("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:7"))).json().get("id").asString();
        FieldUploads uploads = new FieldUploads(port);
        FieldUploads.Device device = uploads.enrol(api, "hw-" + UUID.randomUUID());
        uploads.upload(device, new TrackFixtures.Walk(11).leg(System.currentTimeMillis() - 20 * 60_000, -80, 4, 80, 4,
                120, 0, 0, 2, false, 2f).batch(System.currentTimeMillis()));
        FieldUploads.correlate(worker);
        String identifier = api.get("/api/v1/devices/" + device.id()).json().get("identifier").asString();

        signIn(owner.email(), TestAccounts.PASSWORD);
        driver.get(url("/assets/" + asset));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("whereabouts-last-seen")));
        assertThat(driver.findElement(By.id("whereabouts-last-seen")).getText()).contains("at North depot");
        assertThat(driver.findElement(By.id("whereabouts-home")).getText()).contains("North depot").contains("there");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#asset-map.leaflet-container path.hf-asset-marker")));
        assertThat(driver.findElements(By.cssSelector("#asset-map path.leaflet-interactive")))
                .as("the position, its uncertainty circle and the Location").hasSizeGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("whereabouts-timeline")).getText()).contains("At North depot");
        assertThat(driver.findElement(By.id("whereabouts-days")).getText()).contains("1 pass");
        assertThat(driver.findElements(By.cssSelector("#asset-map img.leaflet-tile"))).as("no tiles configured").isEmpty();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('whereabouts').scrollIntoView({behavior: 'instant'})");
        shots("asset-whereabouts");
        assertNothingAboutTheDevice(device, identifier);

        driver.findElement(By.id("nav-map")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-summary"), "1 asset in view"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#fleet-map .hf-asset-marker")));
        assertThat(driver.findElement(By.cssSelector("#fleet-map .leaflet-control-scale")).isDisplayed()).isTrue();
        shots("map");
        assertNothingAboutTheDevice(device, identifier);
        Object outside = ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => !n.startsWith(location.origin)).length;");
        assertThat(((Number) outside).intValue()).as("nothing loaded from outside").isZero();

        driver.get(url("/map/locations/" + depot));
        assertThat(driver.findElement(By.id("present")).getText()).contains("Pallet jack");
        assertThat(driver.findElement(By.id("absent")).getText()).contains("Forklift").contains("never");
        assertNothingAboutTheDevice(device, identifier);
        shots("location-presence");

        driver.get(url("/map/not-seen?days=1"));
        assertThat(driver.findElement(By.id("not-seen")).getText()).contains("Forklift").doesNotContain("Pallet jack");
        assertNothingAboutTheDevice(device, identifier);
        shots("not-seen");
        driver.findElement(By.linkText("Forklift")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("whereabouts-unseen")));
        assertThat(driver.getCurrentUrl()).endsWith(unseen);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('whereabouts').scrollIntoView({behavior: 'instant'})");
        shots("asset-whereabouts-unseen");

        // the Admin's tracking settings: a friendly error next to the field, nothing saved; then saved
        driver.findElement(By.id("nav-tracking-settings")).click();
        driver.findElement(By.id("awayAlertHours")).clear();
        driver.findElement(By.id("awayAlertHours")).sendKeys("0");
        driver.findElement(By.id("save-tracking-settings")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("awayAlertHours-error"))).getText())
                .contains("1 to 8760").contains("empty (off)");
        shots("tracking-settings-error");
        assertThat(api.get("/api/v1/tracking-settings").json().get("awayAlertHours").asInt()).isEqualTo(24);
        driver.findElement(By.id("awayAlertHours")).clear();
        driver.findElement(By.id("awayAlertHours")).sendKeys("6");
        driver.findElement(By.id("autoAudit")).click();
        driver.findElement(By.id("save-tracking-settings")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        JsonNode saved = api.get("/api/v1/tracking-settings").json();
        assertThat(saved.get("awayAlertHours").asInt()).isEqualTo(6);
        assertThat(saved.get("autoAudit").asBoolean()).isTrue();
    }

    /** Screenshots at a laptop's and at a phone's width, for a person to look at. */
    private void shots(String name) {
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            Browser.screenshot(driver, name + "-" + size[0]);
        }
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
    }

    private void assertNothingAboutTheDevice(FieldUploads.Device device, String identifier) {
        String page = driver.getPageSource();
        assertThat(page).doesNotContain(device.id().toString()).doesNotContain(identifier).doesNotContain("Pixel 8");
    }
}
