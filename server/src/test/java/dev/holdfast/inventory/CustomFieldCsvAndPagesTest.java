package dev.holdfast.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;
import dev.holdfast.testing.WebTest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Custom fields in CSV export and import (a round trip into another company), and on the asset pages. */
class CustomFieldCsvAndPagesTest extends WebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    TestAccounts.Person owner;
    ApiClient api;

    @BeforeEach
    void company() {
        owner = accounts.owner("Fields Inc");
        api = accounts.as(owner);
    }

    /** Laptops (RAM number required, OS list, encrypted boolean, inventory code by regex) and Phones (IMEI). */
    private void defineFields(ApiClient client) {
        String laptops = client.post("/api/v1/categories", Map.of("name", "Laptops")).json().get("id").asString();
        String phones = client.post("/api/v1/categories", Map.of("name", "Phones")).json().get("id").asString();
        assertThat(client.post("/api/v1/categories/" + laptops + "/fields",
                Map.of("key", "ram_gb", "label", "RAM (GB)", "type", "NUMBER", "required", true)).status()).isEqualTo(201);
        client.post("/api/v1/categories/" + laptops + "/fields",
                Map.of("key", "os", "label", "Operating system", "type", "LIST", "options", List.of("Windows", "macOS", "Linux")));
        client.post("/api/v1/categories/" + laptops + "/fields", Map.of("key", "encrypted", "label", "Encrypted", "type", "BOOLEAN"));
        client.post("/api/v1/categories/" + laptops + "/fields",
                Map.of("key", "code", "label", "Inventory code", "type", "TEXT", "pattern", "[A-Z]{2}-\\d{3}"));
        client.post("/api/v1/categories/" + laptops + "/fields", Map.of("key", "handed_over", "label", "Handed over", "type", "DATE"));
        client.post("/api/v1/categories/" + phones + "/fields", Map.of("key", "imei", "label", "IMEI", "type", "TEXT"));
    }

    @Test
    void exportHasAColumnPerCustomFieldAndImportIntoAnotherCompanyReproducesTheAssets() throws Exception {
        defineFields(api);
        Map<String, Object> laptop = new LinkedHashMap<>(Map.of("name", "ThinkPad", "assetTag", "RT-1", "category", "Laptops"));
        laptop.put("customFields", Map.of("ram_gb", 32, "os", "Linux", "encrypted", true, "code", "AB-123",
                "handed_over", "2026-03-01"));
        assertThat(api.post("/api/v1/assets", laptop).status()).isEqualTo(201);
        Map<String, Object> phone = new LinkedHashMap<>(Map.of("name", "Pixel", "assetTag", "RT-2", "category", "Phones"));
        phone.put("customFields", Map.of("imei", "=490154203237518"));
        assertThat(api.post("/api/v1/assets", phone).status()).isEqualTo(201);

        String csv = getText("/api/v1/assets/export.csv", owner.token()).body();
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).toList()).endsWith("RAM (GB)", "Operating system", "Encrypted", "Inventory code",
                "Handed over", "IMEI");
        Map<String, String> thinkpad = row(rows, "RT-1");
        assertThat(thinkpad).containsEntry("RAM (GB)", "32").containsEntry("Operating system", "Linux")
                .containsEntry("Encrypted", "true").containsEntry("Inventory code", "AB-123")
                .containsEntry("Handed over", "2026-03-01").containsEntry("IMEI", "");
        assertThat(row(rows, "RT-2")).containsEntry("IMEI", "'=490154203237518").containsEntry("RAM (GB)", "");

        TestAccounts.Person other = accounts.owner("Fields Copy Inc");
        ApiClient copy = accounts.as(other);
        defineFields(copy);
        JsonNode report = postCsv("/api/v1/assets/import", csv.getBytes(StandardCharsets.UTF_8), other.token());
        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("ignoredColumns")).isEmpty();

        Map<String, JsonNode> original = byTag(api);
        Map<String, JsonNode> copied = byTag(copy);
        for (String tag : List.of("RT-1", "RT-2")) {
            for (String field : List.of("name", "category", "status", "customFields")) {
                assertThat(copied.get(tag).get(field)).as(tag + " " + field).isEqualTo(original.get(tag).get(field));
            }
        }
        assertThat(copied.get("RT-2").get("customFields").get("imei").asString()).isEqualTo("=490154203237518");
        // and the copy exports the same custom columns and cells
        List<CSVRecord> again = CSVFormat.DEFAULT.parse(new StringReader(getText("/api/v1/assets/export.csv",
                other.token()).body())).getRecords();
        assertThat(again.get(0).toList()).isEqualTo(rows.get(0).toList());
        assertThat(row(again, "RT-1")).containsAllEntriesOf(Map.of("RAM (GB)", "32", "Encrypted", "true", "Handed over", "2026-03-01"));
    }

    @Test
    void importChecksCustomFieldsPerRowByHeaderNameOrKey() throws Exception {
        defineFields(api);
        String csv = """
                Name,Asset Tag,Category,ram_gb,Operating System,Inventory code,Encrypted
                Good,IM-1,Laptops,16,Windows,XY-001,false
                Not a number,IM-2,Laptops,lots,Windows,,
                Bad code,IM-3,Laptops,8,,abc,
                Missing RAM,IM-4,Laptops,,Linux,,
                Wrong choice,IM-5,Laptops,8,BeOS,,
                Wrong category,IM-6,Phones,8,,,
                """;
        JsonNode report = postCsv("/api/v1/assets/import", csv.getBytes(StandardCharsets.UTF_8), owner.token());
        assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("failed").asInt()).isEqualTo(5);
        Map<Integer, String> errors = new HashMap<>();
        report.get("errors").forEach(e -> errors.put(e.get("line").asInt(), e.get("message").asString()));
        assertThat(errors.get(3)).isEqualTo("ram_gb: must be a number");
        assertThat(errors.get(4)).isEqualTo("Inventory code: does not have the expected format");
        assertThat(errors.get(5)).as("named as in the file").isEqualTo("ram_gb: is required for this category");
        assertThat(errors.get(6)).startsWith("Operating System: must be one of Windows");
        assertThat(errors.get(7)).isEqualTo("ram_gb: is not a custom field of the asset's category");
        JsonNode good = byTag(api).get("IM-1").get("customFields");
        assertThat(good.get("ram_gb").asInt()).isEqualTo(16);
        assertThat(good.get("encrypted").asBoolean()).isFalse();

        // an update changes only the custom cells it has
        String update = "Asset Tag,Operating system\nIM-1,Linux\n";
        report = postCsv("/api/v1/assets/import", update.getBytes(StandardCharsets.UTF_8), owner.token());
        assertThat(report.get("updated").asInt()).as(report.toString()).isEqualTo(1);
        good = byTag(api).get("IM-1").get("customFields");
        assertThat(good.get("os").asString()).isEqualTo("Linux");
        assertThat(good.get("ram_gb").asInt()).isEqualTo(16);
    }

    @Test
    void theFormsShowTheChosenCategorysFieldsAndTheirErrorsAndTheDetailPageTheValues() {
        defineFields(api);
        WebClient manager = signedIn(accounts.member(owner, Role.MANAGER));
        String inputs = manager.get("/assets/custom-fields?category=Laptops").body();
        assertThat(inputs).contains("id=\"cf-ram_gb\"", "name=\"cf.ram_gb\"", "type=\"number\"", "id=\"cf-os\"",
                "<option value=\"macOS\"", "Format: [A-Z]{2}-\\d{3}", "type=\"date\"").doesNotContain("cf-imei");
        assertThat(manager.get("/assets/custom-fields?category=Phones").body()).contains("cf-imei").doesNotContain("cf-ram_gb");
        assertThat(manager.get("/assets/custom-fields?category=Unknown").body()).contains("d-none").doesNotContain("cf-");

        Map<String, String> form = new HashMap<>(Map.of("name", "Form laptop", "category", "Laptops", "cf.ram_gb", "many",
                "cf.code", "nope", "cf.os", "Linux"));
        HttpResponse<String> rejected = manager.submit("/assets/new", "/assets/new", form);
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("id=\"cf-ram_gb-error\"", "must be a number", "id=\"cf-code-error\"",
                "does not have the expected format", "value=\"many\"");
        form.put("cf.ram_gb", "");
        form.put("cf.code", "");
        assertThat(manager.submit("/assets/new", "/assets/new", form).body()).contains("is required for this category");
        form.put("cf.ram_gb", "64");
        form.put("cf.encrypted", "true");
        HttpResponse<String> created = manager.submit("/assets/new", "/assets/new", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        String detail = manager.get(path).body();
        assertThat(detail).contains("RAM (GB)", ">64<", "Operating system", ">Linux<", "Encrypted", ">Yes<");
        String edit = manager.get(path + "/edit").body();
        assertThat(edit).contains("value=\"64\"", "name=\"cf.ram_gb\"");
        // editing to another category drops the old fields' inputs
        HttpResponse<String> moved = manager.submit(path + "/edit", path + "/edit", Map.of("name", "Form laptop",
                "assetTag", "FORM-1", "category", "Phones", "cf.ram_gb", "64", "cf.imei", "35-209900-176148-1"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(302);
        assertThat(manager.get(path).body()).contains("IMEI", "35-209900-176148-1").doesNotContain("RAM (GB)");
    }

    private WebClient signedIn(TestAccounts.Person person) {
        WebClient client = new WebClient(port);
        assertThat(client.login(person.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static Map<String, String> row(List<CSVRecord> rows, String tag) {
        for (CSVRecord r : rows.subList(1, rows.size())) {
            if (r.get(0).equals(tag)) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < rows.get(0).size(); i++) {
                    row.put(rows.get(0).get(i), r.get(i));
                }
                return row;
            }
        }
        throw new AssertionError("no row " + tag);
    }

    private static Map<String, JsonNode> byTag(ApiClient client) {
        Map<String, JsonNode> map = new HashMap<>();
        client.get("/api/v1/assets?size=1000").json().get("items").forEach(i -> map.put(i.get("assetTag").asString(), i));
        return map;
    }

    private JsonNode postCsv(String path, byte[] body, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> getText(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
