package dev.holdfast.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV export and import of assets (API.md, Inventory), over HTTP against the real database. */
class AssetCsvTest extends WebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    TestAccounts.Person owner;
    ApiClient api;

    @BeforeEach
    void company() {
        owner = accounts.owner("Csv Inc");
        api = accounts.as(owner);
    }

    // ---- export

    @Test
    void exportWritesAHeaderAndOneRowPerAssetWithEveryColumnAndHonoursTheListFilters() throws Exception {
        Map<String, Object> full = new HashMap<>(Map.of("name", "=HYPERLINK(\"x\")", "assetTag", "EX-1", "serialNumber", "SN-1",
                "category", "Laptops", "manufacturer", "Lenovo", "model", "T14", "status", "Pending", "location", "Berlin",
                "notes", "line one\nline two, with \"quotes\"", "purchaseDate", "2024-02-29"));
        full.put("purchaseCost", 1299.5);
        full.put("warrantyMonths", 24);
        full.put("tags", List.of("mac:aa:bb:cc:dd:ee:10"));
        api.post("/api/v1/assets", full);
        api.post("/api/v1/assets", Map.of("name", "Phone", "assetTag", "EX-2", "category", "Phones", "location", "Paris"));

        HttpResponse<String> all = getText("/api/v1/assets/export.csv", owner.token());
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(all.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        List<CSVRecord> rows = parse(all.body());
        assertThat(rows.get(0).toList()).startsWith("Asset Tag", "Name", "Serial Number").contains("Purchase Cost",
                "Warranty Months", "Tags", "Created At", "Id");
        assertThat(rows).hasSize(3);
        Map<String, String> first = row(rows, rows.get(1).get(0).equals("EX-1") ? 1 : 2);
        assertThat(first.get("Asset Tag")).isEqualTo("EX-1");
        assertThat(first.get("Name")).as("formula cells are defused").isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(first.get("Notes")).isEqualTo("line one\nline two, with \"quotes\"");
        assertThat(first.get("Category")).isEqualTo("Laptops");
        assertThat(first.get("Model")).isEqualTo("T14");
        assertThat(first.get("Status")).isEqualTo("Pending");
        assertThat(first.get("Status Kind")).isEqualTo("PENDING");
        assertThat(first.get("Purchase Date")).isEqualTo("2024-02-29");
        assertThat(first.get("Purchase Cost")).isEqualTo("1299.50");
        assertThat(first.get("Warranty Months")).isEqualTo("24");
        assertThat(first.get("Tags")).isEqualTo("mac:aa:bb:cc:dd:ee:10");
        assertThat(first.get("Id")).hasSize(36);

        assertThat(parse(getText("/api/v1/assets/export.csv?category=phones", owner.token()).body()))
                .extracting(r -> r.get(0)).containsExactly("Asset Tag", "EX-2");
        assertThat(parse(getText("/api/v1/assets/export.csv?location=Berlin&status=Pending", owner.token()).body()))
                .extracting(r -> r.get(0)).containsExactly("Asset Tag", "EX-1");
        assertThat(parse(getText("/api/v1/assets/export.csv?q=sn-1", owner.token()).body())).hasSize(1);
        assertThat(parse(getText("/api/v1/assets/export.csv?q=SN-1", owner.token()).body())).hasSize(2);
        assertThat(parse(getText("/api/v1/assets/export.csv?status=Nowhere", owner.token()).body())).hasSize(1);

        // another company's export has none of these
        TestAccounts.Person other = accounts.owner("Other Csv");
        assertThat(parse(getText("/api/v1/assets/export.csv", other.token()).body())).hasSize(1);
    }

    // ---- import

    @Test
    void importOfOurExportIntoAnotherCompanyReproducesEveryField() throws Exception {
        Map<String, Object> full = new HashMap<>(Map.of("name", "+Workstation", "assetTag", "RT-1", "serialNumber",
                "SER\\1", "description", "tab\there", "category", "Laptops", "manufacturer", "Lenovo", "model", "P16",
                "status", "Out for repair", "location", "Lab", "notes", "multi\r\nline \"notes\", commas"));
        full.putAll(Map.of("purchaseDate", "2023-01-31", "purchaseCost", 2499.99, "orderNumber", "PO-1",
                "vendorId", UUID.randomUUID().toString(), "warrantyMonths", 36, "warrantyExpiresOn", "2026-02-01",
                "endOfLifeOn", "2029-12-31", "nextAuditOn", "2025-06-01", "expectedCheckinOn", "2025-01-15",
                "tags", List.of("mac:aa:bb:cc:dd:ee:20", "IBEACON:E2C56DB5-DFFB-48D2-B060-D0F5A71096E0:1:2")));
        api.post("/api/v1/assets", full);
        api.post("/api/v1/assets", Map.of("name", "Minimal"));
        api.post("/api/v1/assets", Map.of("name", "Ünïcödé – ✓", "model", "X1", "manufacturer", "Dell"));
        String csv = getText("/api/v1/assets/export.csv", owner.token()).body();

        TestAccounts.Person other = accounts.owner("Copy Co");
        JsonNode result = postCsv("/api/v1/assets/import", csv.getBytes(StandardCharsets.UTF_8), other.token());
        assertThat(result.get("created").asInt()).isEqualTo(3);
        assertThat(result.get("updated").asInt()).isZero();
        assertThat(result.get("failed").asInt()).isZero();
        assertThat(result.get("ignoredColumns")).isEmpty();

        Map<String, JsonNode> mine = byTag(items(api));
        Map<String, JsonNode> theirs = byTag(items(accounts.as(other)));
        assertThat(theirs).hasSize(3).containsOnlyKeys(mine.keySet());
        List<String> compared = List.of("assetTag", "name", "serialNumber", "description", "notes", "category",
                "manufacturer", "model", "status", "statusKind", "location", "purchaseDate", "purchaseCost", "orderNumber",
                "vendorId", "warrantyMonths", "warrantyExpiresOn", "endOfLifeOn", "nextAuditOn", "expectedCheckinOn", "tags");
        for (String tag : mine.keySet()) {
            for (String field : compared) {
                assertThat(theirs.get(tag).get(field)).as(field + " of " + tag).isEqualTo(mine.get(tag).get(field));
            }
            assertThat(theirs.get(tag).get("id")).isNotEqualTo(mine.get(tag).get("id"));
        }
        // the second import of the same file updates instead of duplicating
        JsonNode again = postCsv("/api/v1/assets/import", csv.getBytes(StandardCharsets.UTF_8), other.token());
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isEqualTo(3);
        assertThat(items(accounts.as(other))).hasSize(3);
        // ... and never touched the first company
        assertThat(items(api)).hasSize(3);
        assertThat(byTag(items(api)).keySet()).isEqualTo(mine.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LF", "CRLF", "CR", "windows-1252"})
    void snipeItAssetFilesImportWithTheirDatesCostsAndMultiLineNotes(String variant) throws Exception {
        byte[] file = fixture("snipeit-assets.csv");
        String text = new String(file, StandardCharsets.UTF_8);
        byte[] body = switch (variant) {
            case "CRLF" -> text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            case "CR" -> text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
            case "windows-1252" -> text.substring(1).getBytes(Charset.forName("windows-1252"));
            default -> file;
        };
        JsonNode result = postCsv("/api/v1/assets/import", body, owner.token());
        assertThat(result.get("created").asInt()).isEqualTo(4);
        assertThat(result.get("failed").asInt()).isEqualTo(1);
        assertThat(result.get("errors")).hasSize(1);
        assertThat(result.get("errors").get(0).get("line").asInt()).isEqualTo(8);
        assertThat(result.get("errors").get(0).get("message").asString()).startsWith("Purchase Date:").contains("31/31/23");
        assertThat(result.get("ignoredColumns").toString()).contains("Company", "Checkout Type", "Model Notes");
        assertThat(result.get("warnings").toString()).contains("Supplier");

        Map<String, JsonNode> byTag = byTag(items(api));
        assertThat(byTag).containsOnlyKeys("LP-0001", "CP-0002", "LT-0003", "WD-0005");
        JsonNode printer = byTag.get("LP-0001");
        assertThat(printer.get("name").asString()).isEqualTo("Label printer");
        assertThat(printer.get("category").asString()).isEqualTo("Printers");
        assertThat(printer.get("manufacturer").asString()).isEqualTo("Brother");
        assertThat(printer.get("model").asString()).isEqualTo("QL-820NWB \"pro\"");
        assertThat(printer.get("location").asString()).isEqualTo("Lab 2, Building A");
        assertThat(printer.get("orderNumber").asString()).isEqualTo("PO-7781");
        assertThat(printer.get("notes").asString()).isEqualTo("Left of the door\nsecond shelf".replace("\n", newline(variant)));
        assertThat(printer.get("purchaseDate").asString()).isEqualTo("2023-01-23");
        assertThat(printer.get("purchaseCost").decimalValue()).isEqualByComparingTo("1299.00");
        assertThat(printer.get("endOfLifeOn").asString()).isEqualTo("2028-10-27");
        assertThat(printer.get("status").asString()).isEqualTo("Ready to deploy");
        assertThat(byTag.get("CP-0002").get("purchaseDate").asString()).isEqualTo("2022-11-14");
        assertThat(byTag.get("CP-0002").get("purchaseCost").decimalValue()).isEqualByComparingTo("412.50");
        assertThat(byTag.get("LT-0003").get("notes").asString()).contains("\"twice\"");
        assertThat(byTag.get("LT-0003").get("purchaseCost").decimalValue()).isEqualByComparingTo("1049.00");
        assertThat(byTag.get("WD-0005").get("purchaseCost").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(byTag.get("WD-0005").get("endOfLifeOn").asString()).isEqualTo("2030-01-01");
    }

    @Test
    void duplicateHeaderColumnsAreAClearErrorAndNothingIsWritten() throws Exception {
        HttpResponse<String> r = post("/api/v1/assets/import", fixture("snipeit-assets-bad.csv"), "text/csv", owner.token());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("detail").asString()).contains("Category").contains("Columns 6", "13").doesNotContain("Exception");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Category");
        assertThat(items(api)).isEmpty();
    }

    @Test
    void blankHeaderColumnsAreSkippedAndWindows1252WithCrLineEndsIsRead() throws Exception {
        JsonNode result = postCsv("/api/v1/assets/import", fixture("snipeit-assets-blanks.csv"), owner.token());
        assertThat(result.get("created").asInt()).isEqualTo(3);
        assertThat(result.get("failed").asInt()).isZero();
        assertThat(result.get("warnings").toString()).contains("[5, 9, 14]");
        assertThat(result.get("ignoredColumns").toString()).contains("Full Name", "Email", "Company");
        Map<String, JsonNode> byTag = byTag(items(api));
        JsonNode tablet = byTag.get("TB-0101");
        assertThat(tablet.get("name").asString()).isEqualTo("Reception tablet");
        assertThat(tablet.get("serialNumber").asString()).isEqualTo("DMPX12AB34CD");
        assertThat(tablet.get("model").asString()).isEqualTo("iPad 10th gen");
        assertThat(tablet.get("location").asString()).isEqualTo("Café corner");
        assertThat(tablet.get("notes").asString()).isEqualTo("Kiosk mode,\rwall mount");
        assertThat(tablet.get("purchaseDate").asString()).isEqualTo("2016-04-05");
        assertThat(tablet.get("purchaseCost").decimalValue()).isEqualByComparingTo("133289.59");
        assertThat(tablet.get("warrantyMonths").asInt()).isEqualTo(14);
        assertThat(tablet.get("warrantyExpiresOn").asString()).isEqualTo("2017-06-05");
        assertThat(tablet.get("status").asString()).isEqualTo("Undeployable");
        assertThat(tablet.get("statusKind").asString()).isEqualTo("UNDEPLOYABLE");
        assertThat(byTag.get("PC-0102").get("statusKind").asString()).isEqualTo("UNDEPLOYABLE");
        assertThat(byTag.get("SC-0103").get("status").asString()).as("matches the default label, any case")
                .isEqualTo("Ready to deploy");
    }

    @Test
    void badRowsAreReportedWithTheirLineAndColumnWhileGoodRowsAreKept() throws Exception {
        String csv = """
                asset tag,NAME,purchase cost,Warranty,Tags,Category
                OK-1,Good one,10,12,,Desks
                BAD-1,Bad cost,ten dollars,,,
                ,,,,,
                OK-2,"Good two
                spans lines",,,,Desks
                BAD-2,Bad warranty,,2.5,,
                BAD-3,Bad tag,,,ibeacon:nope,
                ,"%s",,,,
                OK-1,Again,,,,
                BAD-4,Bad category id,,,,6a1b2c3d-0000-4000-8000-000000000000
                """.formatted("x".repeat(201));
        JsonNode result = postCsv("/api/v1/assets/import", csv.getBytes(StandardCharsets.UTF_8), owner.token());
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("failed").asInt()).isEqualTo(6);
        List<String> errors = new ArrayList<>();
        result.get("errors").forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("message").asString()));
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).startsWith("3 purchase cost:");
        assertThat(errors.get(1)).startsWith("7 Warranty:");
        assertThat(errors.get(2)).startsWith("8 Tags:");
        assertThat(errors.get(3)).startsWith("9 NAME:").contains("200");
        assertThat(errors.get(4)).startsWith("10 asset tag:").contains("line 2");
        assertThat(errors.get(5)).startsWith("11 Category:");
        assertThat(byTag(items(api))).containsOnlyKeys("OK-1", "OK-2");
        assertThat(byTag(items(api)).get("OK-1").get("warrantyMonths").asInt()).isEqualTo(12);
    }

    @Test
    void rowsMatchingAnAssetTagInAnyCaseUpdateItKeepingColumnsTheFileLeavesEmpty() throws Exception {
        String id = api.post("/api/v1/assets", Map.of("name", "Old name", "assetTag", "Up-1", "serialNumber", "S-1",
                "location", "Berlin")).json().get("id").asString();
        String csv = "Asset Tag,Name,Serial,Location,Notes\r\nUP-1,New name,,Paris,checked\r\nNEW-1,Fresh,,,\r\n";
        JsonNode result = postCsv("/api/v1/assets/import", csv.getBytes(StandardCharsets.UTF_8), owner.token());
        assertThat(result.get("updated").asInt()).isEqualTo(1);
        assertThat(result.get("created").asInt()).isEqualTo(1);
        JsonNode a = api.get("/api/v1/assets/" + id).json();
        assertThat(a.get("name").asString()).isEqualTo("New name");
        assertThat(a.get("assetTag").asString()).isEqualTo("UP-1");
        assertThat(a.get("serialNumber").asString()).isEqualTo("S-1");
        assertThat(a.get("location").asString()).isEqualTo("Paris");
        assertThat(a.get("notes").asString()).isEqualTo("checked");
        JsonNode history = api.get("/api/v1/assets/" + id + "/history").json().get("items");
        assertThat(history.get(0).get("action").asString()).isEqualTo("asset.updated");
        assertThat(history.get(0).get("changes").has("name")).isTrue();
        assertThat(items(api)).hasSize(2);
    }

    @Test
    void aDryRunReportsTheSameButWritesNothing() throws Exception {
        api.post("/api/v1/assets", Map.of("name", "Existing", "assetTag", "DRY-1"));
        String csv = "Asset Tag,Name,Category\nDRY-1,Renamed,Brand new category\nDRY-2,New,Brand new category\nDRY-3,,\n";
        JsonNode dry = postCsv("/api/v1/assets/import?dryRun=true", csv.getBytes(StandardCharsets.UTF_8), owner.token());
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("created").asInt()).isEqualTo(2);
        assertThat(dry.get("updated").asInt()).isEqualTo(1);
        assertThat(items(api)).hasSize(1);
        assertThat(items(api).get(0).get("name").asString()).isEqualTo("Existing");
        assertThat(api.get("/api/v1/assets?category=Brand%20new%20category").json().get("items")).isEmpty();
        long categories = transactions.inTenant(owner.tenantId(), () -> jdbc.sql("select count(*) from categories")
                .query(Long.class).single());
        assertThat(categories).isZero();
    }

    @Test
    void aMultipartUploadWorksAndAViewerMayExportButNotImport() throws Exception {
        String boundary = "----holdfast" + UUID.randomUUID();
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nName,Asset Tag\r\nUploaded,MP-1\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = post("/api/v1/assets/import", form.getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary, owner.token());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("created").asInt()).isEqualTo(1);

        TestAccounts.Person viewer = accounts.member(owner, Role.VIEWER);
        assertThat(post("/api/v1/assets/import", "Name\nNope\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                viewer.token()).statusCode()).isEqualTo(403);
        assertThat(getText("/api/v1/assets/export.csv", viewer.token()).statusCode()).isEqualTo(200);
        assertThat(items(api)).hasSize(1);
    }

    @Test
    void aFileWithoutKnownColumnsOrEmptyIsRefusedNot500() throws Exception {
        assertThat(post("/api/v1/assets/import", "colour,size\nred,3\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                owner.token()).statusCode()).isEqualTo(422);
        assertThat(post("/api/v1/assets/import", new byte[0], "text/csv", owner.token()).statusCode()).isEqualTo(422);
        JsonNode open = postCsv("/api/v1/assets/import", "Name,Notes\nA,\"never closed\nB,x\n".getBytes(StandardCharsets.UTF_8),
                owner.token());
        assertThat(open.get("failed").asInt()).isEqualTo(1);
        assertThat(open.get("errors").get(0).get("line").asInt()).isEqualTo(2);
    }

    // ---- helpers

    private static String newline(String variant) {
        return switch (variant) {
            case "CRLF" -> "\r\n";
            case "CR" -> "\r";
            default -> "\n";
        };
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/inventory/csv/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.parse(new java.io.StringReader(csv)).getRecords();
    }

    private static Map<String, String> row(List<CSVRecord> rows, int index) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            row.put(rows.get(0).get(i), rows.get(index).get(i));
        }
        return row;
    }

    private static List<JsonNode> items(ApiClient client) {
        List<JsonNode> items = new ArrayList<>();
        client.get("/api/v1/assets?size=1000").json().get("items").forEach(items::add);
        return items;
    }

    private static Map<String, JsonNode> byTag(List<JsonNode> items) {
        Map<String, JsonNode> map = new HashMap<>();
        items.forEach(i -> map.put(i.get("assetTag").asString(), i));
        return map;
    }

    private JsonNode postCsv(String path, byte[] body, String token) throws Exception {
        HttpResponse<String> r = post(path, body, "text/csv", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getText(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
