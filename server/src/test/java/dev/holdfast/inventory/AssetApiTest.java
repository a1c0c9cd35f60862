package dev.holdfast.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

/** The asset endpoints of API.md, over HTTP, against the real database. */
class AssetApiTest extends WebTest {

    TestAccounts.Person owner;
    ApiClient api;

    @BeforeEach
    void company() {
        owner = accounts.owner("Assets Inc");
        api = accounts.as(owner);
    }

    @Test
    void aNameIsEnoughAndTheRestIsFilledIn() {
        ApiClient.Reply r = api.post("/api/v1/assets", Map.of("name", "MacBook Pro 14"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode a = r.json();
        assertThat(a.get("id").asString()).hasSize(36);
        assertThat(a.get("assetTag").asString()).matches("HF-\\d{6}");
        assertThat(a.get("status").asString()).isEqualTo("Ready to deploy");
        assertThat(a.get("statusKind").asString()).isEqualTo("DEPLOYABLE");
        assertThat(a.get("createdAt").asString()).endsWith("Z");
        assertThat(a.get("updatedAt").asString()).endsWith("Z");
        assertThat(a.get("lastSeen").isNull()).isTrue();
        String second = api.post("/api/v1/assets", Map.of("name", "Dock")).json().get("assetTag").asString();
        assertThat(second).isNotEqualTo(a.get("assetTag").asString());
    }

    @Test
    void namedReferencesAreCreatedOnFirstUseAndReused() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "ThinkPad X1", "assetTag", "IT-0001", "serialNumber",
                "PF3ABC12", "category", "Laptops", "manufacturer", "Lenovo", "model", "X1 Carbon Gen 12", "status", "Pending",
                "location", "Berlin HQ", "purchaseDate", "2026-01-15"));
        body.put("purchaseCost", 1899.99);
        body.put("warrantyMonths", 36);
        body.put("tags", List.of("IBEACON:E2C56DB5-DFFB-48D2-B060-D0F5A71096E0:100:7", "mac:c3:11:0a:5f:22:9b"));
        JsonNode a = api.post("/api/v1/assets", body).json();
        assertThat(a.get("category").asString()).isEqualTo("Laptops");
        assertThat(a.get("manufacturer").asString()).isEqualTo("Lenovo");
        assertThat(a.get("model").asString()).isEqualTo("X1 Carbon Gen 12");
        assertThat(a.get("status").asString()).isEqualTo("Pending");
        assertThat(a.get("location").asString()).isEqualTo("Berlin HQ");
        assertThat(a.get("purchaseCost").asString()).isEqualTo("1899.99");
        assertThat(a.get("warrantyExpiresOn").asString()).isEqualTo("2029-01-15");
        assertThat(a.get("tags")).hasSize(2);
        assertThat(a.get("tags").get(0).asString()).isEqualTo("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:7");

        JsonNode b = api.post("/api/v1/assets", Map.of("name", "Other laptop", "category", "LAPTOPS",
                "location", a.get("locationId").asString())).json();
        assertThat(b.get("categoryId").asString()).isEqualTo(a.get("categoryId").asString());
        assertThat(b.get("location").asString()).isEqualTo("Berlin HQ");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"assetTag\": \"X\"}                                  | name",
        "{\"name\": \"  \"}                                      | name",
        "{\"name\": \"A\", \"purchaseDate\": \"15/01/2026\"}     | purchaseDate",
        "{\"name\": \"A\", \"purchaseCost\": -1}                 | purchaseCost",
        "{\"name\": \"A\", \"warrantyMonths\": 2.5}              | warrantyMonths",
        "{\"name\": \"A\", \"tags\": [\"ibeacon:nope\"]}         | tags[0]",
        "{\"name\": \"A\", \"colour\": \"red\"}                  | colour",
        "{\"name\": \"A\", \"category\": 7}                      | category",
        "{\"name\": \"A\", \"location\": \"6a1b2c3d-0000-4000-8000-000000000000\"} | location",
    })
    void badInputIsRefusedNamingTheFieldAndNothingIsStored(String json, String field) throws Exception {
        ApiClient.Reply r = api.postJson("/api/v1/assets", json);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(api.get("/api/v1/assets").json().get("items")).isEmpty();
    }

    @Test
    void assetTagsAndBleTagsAreUniqueInTheCompany() {
        api.post("/api/v1/assets", Map.of("name", "One", "assetTag", "DUP-1", "tags", List.of("mac:aa:bb:cc:dd:ee:01")));
        ApiClient.Reply sameTag = api.post("/api/v1/assets", Map.of("name", "Two", "assetTag", "dup-1"));
        assertThat(sameTag.status()).isEqualTo(409);
        ApiClient.Reply sameBle = api.post("/api/v1/assets", Map.of("name", "Three", "tags", List.of("MAC:AA:BB:CC:DD:EE:01")));
        assertThat(sameBle.status()).isEqualTo(409);
        assertThat(sameBle.json().get("errors").get(0).get("field").asString()).isEqualTo("tags[0]");
        // another company may use the same tags
        ApiClient other = accounts.as(accounts.owner("Elsewhere"));
        assertThat(other.post("/api/v1/assets", Map.of("name", "Mine", "assetTag", "DUP-1",
                "tags", List.of("mac:aa:bb:cc:dd:ee:01"))).status()).isEqualTo(201);
    }

    @Test
    void patchChangesOnlyWhatIsSentAndHistoryShowsEachChange() {
        JsonNode a = api.post("/api/v1/assets", Map.of("name", "Monitor", "serialNumber", "SN-1", "notes", "desk 4")).json();
        String id = a.get("id").asString();
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", "Monitor 27\"");
        patch.put("notes", null);
        patch.put("location", "Store room");
        ApiClient.Reply changed = api.patch("/api/v1/assets/" + id, patch);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Monitor 27\"");
        assertThat(changed.json().get("notes").isNull()).isTrue();
        assertThat(changed.json().get("serialNumber").asString()).isEqualTo("SN-1");
        assertThat(changed.json().get("location").asString()).isEqualTo("Store room");

        JsonNode history = api.get("/api/v1/assets/" + id + "/history").json().get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("action").asString()).isEqualTo("asset.updated");
        assertThat(history.get(1).get("action").asString()).isEqualTo("asset.created");
        JsonNode diff = history.get(0).get("changes");
        assertThat(diff.has("name")).isTrue();
        assertThat(diff.has("location")).isTrue();
        assertThat(diff.has("serialNumber")).as("unchanged fields are not in the diff").isFalse();
        assertThat(history.get(0).get("actorLabel").asString()).isEqualTo(owner.email());
    }

    @Test
    void deleteRemovesTheAsset() {
        String id = api.post("/api/v1/assets", Map.of("name", "Old phone")).json().get("id").asString();
        assertThat(api.delete("/api/v1/assets/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/assets/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/assets/" + id).status()).isEqualTo(404);
    }

    @Test
    void listsPageWithCursorsSortAndFilter() {
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            api.post("/api/v1/assets", Map.of("name", name, "status", name.compareTo("c") < 0 ? "Pending" : "Ready to deploy",
                    "category", name.startsWith("e") ? "Phones" : "Laptops", "serialNumber", "SER-" + name));
        }
        List<String> names = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/assets?sort=name&size=2" + (next == null ? "" : "&after=" + next)).json();
            page.get("items").forEach(i -> names.add(i.get("name").asString()));
            next = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (next != null);
        assertThat(names).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(pages).isEqualTo(3);

        assertThat(names(api.get("/api/v1/assets?sort=-name&size=3"))).containsExactly("echo", "delta", "charlie");
        assertThat(names(api.get("/api/v1/assets?status=pending&sort=name"))).containsExactly("alpha", "bravo");
        assertThat(names(api.get("/api/v1/assets?category=Phones"))).containsExactly("echo");
        assertThat(names(api.get("/api/v1/assets?category=NoSuchCategory"))).isEmpty();
        assertThat(names(api.get("/api/v1/assets?q=HARL"))).containsExactly("charlie");
        assertThat(names(api.get("/api/v1/assets?q=SER-delta"))).containsExactly("delta");
        assertThat(names(api.get("/api/v1/assets?q=ser-delt"))).as("serial numbers match exactly only").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"size=0, size", "size=1001, size", "sort=colour, sort", "after=not-a-cursor, after"})
    void badListParametersAreRefused(String query, String field) {
        ApiClient.Reply r = api.get("/api/v1/assets?" + query);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void anotherCompanysAssetIsNotFoundForEveryEndpoint() {
        String id = api.post("/api/v1/assets", Map.of("name", "Secret server")).json().get("id").asString();
        ApiClient stranger = accounts.as(accounts.owner("Stranger"));
        ApiClient.Reply missing = stranger.get("/api/v1/assets/" + java.util.UUID.randomUUID());
        ApiClient.Reply theirs = stranger.get("/api/v1/assets/" + id);
        assertThat(theirs.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(theirs.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(stranger.patch("/api/v1/assets/" + id, Map.of("name", "mine now")).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/assets/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/assets/" + id + "/history").status()).isEqualTo(404);
        assertThat(names(stranger.get("/api/v1/assets"))).isEmpty();
        assertThat(api.get("/api/v1/assets/" + id).json().get("name").asString()).isEqualTo("Secret server");
    }

    @Test
    void viewersReadManagersWrite() {
        ApiClient viewer = accounts.as(accounts.member(owner, Role.VIEWER));
        ApiClient manager = accounts.as(accounts.member(owner, Role.MANAGER));
        assertThat(viewer.post("/api/v1/assets", Map.of("name", "Nope")).status()).isEqualTo(403);
        String id = manager.post("/api/v1/assets", Map.of("name", "Yes")).json().get("id").asString();
        assertThat(viewer.get("/api/v1/assets/" + id).status()).isEqualTo(200);
        assertThat(viewer.patch("/api/v1/assets/" + id, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(viewer.delete("/api/v1/assets/" + id).status()).isEqualTo(403);
        assertThat(manager.delete("/api/v1/assets/" + id).status()).isEqualTo(204);
    }

    private static List<String> names(ApiClient.Reply r) {
        assertThat(r.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("items").forEach(i -> names.add(i.get("name").asString()));
        return names;
    }
}
