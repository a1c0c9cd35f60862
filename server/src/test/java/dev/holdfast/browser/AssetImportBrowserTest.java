package dev.holdfast.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;
import dev.holdfast.testing.Browser;
import dev.holdfast.testing.BrowserTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A Manager imports a Snipe-IT-shaped CSV through the page, and exports the list from the browser session. */
class AssetImportBrowserTest extends BrowserTest {

    @TempDir
    Path files;


    @Test
    void importAFileThenExportTheList() throws Exception {
        TestAccounts.Person owner = accounts.owner("Importers");
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);
        // Snipe-IT's asset import columns (header line as in its sample_csvs), our own rows, CRLF line ends
        Path csv = files.resolve("assets.csv");
        Files.writeString(csv, "Name,Asset Tag,Serial,Category,Model,Manufacturer,Location,Purchase Date,Purchase Cost,Status\r\n"
                + "Design laptop,IMP-1,SN-IMP-1,Laptops,XPS 13,Dell,Berlin,3/15/24,\"$1,299.00\",Ready to deploy\r\n"
                + "Meeting room TV,IMP-2,SN-IMP-2,Displays,Bravia,Sony,Berlin,2024-02-01,899,Ready to deploy\r\n"
                + "Broken row,IMP-3,SN-IMP-3,Laptops,XPS 13,Dell,Berlin,31/31/24,10,Ready to deploy\r\n",
                StandardCharsets.UTF_8);

        signIn(manager.email(), TestAccounts.PASSWORD);

        driver.get("http://localhost:" + port + "/assets");
        driver.findElement(By.id("import-csv")).click();
        driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("import")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")));
        assertThat(driver.findElement(By.id("created")).getText()).isEqualTo("2 created");
        assertThat(driver.findElement(By.id("failed")).getText()).isEqualTo("1 failed");
        assertThat(driver.findElement(By.id("import-errors")).getText()).contains("4", "Purchase Date");
        Browser.screenshot(driver, "asset-import");

        ApiClient api = accounts.as(owner);
        assertThat(api.get("/api/v1/assets?q=IMP-1").json().get("items").get(0).get("purchaseCost").asDouble())
                .isEqualTo(1299.00);

        WebClient session = new WebClient(port);
        session.login(manager.email(), TestAccounts.PASSWORD);
        HttpResponse<String> export = session.get("/assets/export.csv?category=Laptops");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(export.body()).contains("IMP-1").doesNotContain("IMP-2");
    }
}
