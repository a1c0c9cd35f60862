package dev.holdfast.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Custom fields per category: defined once, checked on every create and update. */
class CustomFieldsTest extends WebTest {

    ApiClient api;
    String laptops;

    @BeforeEach
    void categoryWithFields() {
        api = accounts.as(accounts.owner("Custom Co"));
        laptops = api.post("/api/v1/categories", Map.of("name", "Laptops")).json().get("id").asString();
        define(Map.of("key", "ram_gb", "label", "RAM (GB)", "type", "NUMBER", "required", true));
        define(Map.of("key", "os", "label", "Operating system", "type", "LIST", "options", List.of("Linux", "macOS", "Windows")));
        define(Map.of("key", "hostname", "label", "Host name", "type", "TEXT", "pattern", "[a-z0-9-]+"));
        define(Map.of("key", "encrypted", "label", "Disk encrypted", "type", "BOOLEAN"));
    }

    @Test
    void valuesAreCheckedAgainstTheCategorysFields() {
        ApiClient.Reply ok = api.post("/api/v1/assets", Map.of("name", "Dev laptop", "category", "Laptops",
                "customFields", Map.of("ram_gb", 32, "os", "Linux", "hostname", "dev-01", "encrypted", true)));
        assertThat(ok.status()).isEqualTo(201);
        JsonNode custom = ok.json().get("customFields");
        assertThat(custom.get("ram_gb").asInt()).isEqualTo(32);
        assertThat(custom.get("os").asString()).isEqualTo("Linux");
        assertThat(custom.get("encrypted").asBoolean()).isTrue();

        assertThat(field(api.post("/api/v1/assets", Map.of("name", "x", "category", "Laptops"))))
                .isEqualTo("customFields.ram_gb");
        assertThat(field(api.post("/api/v1/assets", Map.of("name", "x", "category", "Laptops",
                "customFields", Map.of("ram_gb", "lots"))))).isEqualTo("customFields.ram_gb");
        assertThat(field(api.post("/api/v1/assets", Map.of("name", "x", "category", "Laptops",
                "customFields", Map.of("ram_gb", 8, "os", "BeOS"))))).isEqualTo("customFields.os");
        assertThat(field(api.post("/api/v1/assets", Map.of("name", "x", "category", "Laptops",
                "customFields", Map.of("ram_gb", 8, "hostname", "Not Valid!"))))).isEqualTo("customFields.hostname");
        assertThat(field(api.post("/api/v1/assets", Map.of("name", "x", "category", "Laptops",
                "customFields", Map.of("ram_gb", 8, "colour", "red"))))).isEqualTo("customFields.colour");
    }

    @Test
    void updatesKeepTheRulesAndTheHistoryShowsTheChange() {
        String id = api.post("/api/v1/assets", Map.of("name", "Laptop", "category", "Laptops",
                "customFields", Map.of("ram_gb", 16))).json().get("id").asString();
        ApiClient.Reply more = api.patch("/api/v1/assets/" + id, Map.of("customFields", Map.of("ram_gb", 64)));
        assertThat(more.json().get("customFields").get("ram_gb").asInt()).isEqualTo(64);
        Map<String, Object> clear = new HashMap<>();
        clear.put("ram_gb", null);
        assertThat(field(api.patch("/api/v1/assets/" + id, Map.of("customFields", clear)))).isEqualTo("customFields.ram_gb");
        JsonNode diff = api.get("/api/v1/assets/" + id + "/history").json().get("items").get(0).get("changes");
        assertThat(diff.has("customFields.ram_gb")).isTrue();
        // moving to a category without fields drops the old values
        ApiClient.Reply moved = api.patch("/api/v1/assets/" + id, Map.of("category", "Monitors"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("customFields").isEmpty()).isTrue();
    }

    @Test
    void definitionsAreValidated() {
        assertThat(field(api.post("/api/v1/categories/" + laptops + "/fields", Map.of("key", "Bad Key", "label", "x",
                "type", "TEXT")))).isEqualTo("key");
        assertThat(field(api.post("/api/v1/categories/" + laptops + "/fields", Map.of("key", "k", "label", "x",
                "type", "LIST")))).isEqualTo("options");
        assertThat(field(api.post("/api/v1/categories/" + laptops + "/fields", Map.of("key", "k", "label", "x",
                "type", "TEXT", "pattern", "([")))).isEqualTo("pattern");
        assertThat(api.post("/api/v1/categories/" + laptops + "/fields", Map.of("key", "os", "label", "again",
                "type", "TEXT")).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/categories/" + laptops + "/fields").json().get("items")).hasSize(4);
        ApiClient stranger = accounts.as(accounts.owner("Stranger fields"));
        assertThat(stranger.post("/api/v1/categories/" + laptops + "/fields", Map.of("key", "k", "label", "x",
                "type", "TEXT")).status()).isEqualTo(404);
    }

    private void define(Map<String, Object> body) {
        assertThat(api.post("/api/v1/categories/" + laptops + "/fields", body).status()).isEqualTo(201);
    }

    private static String field(ApiClient.Reply r) {
        assertThat(r.status()).isEqualTo(422);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
