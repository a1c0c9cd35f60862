package dev.holdfast.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** Reference data CRUD, check-out/check-in and audits, over HTTP against the real database. */
class ReferenceAndCheckoutApiTest extends WebTest {

    TestAccounts.Person owner;
    ApiClient api;

    @BeforeEach
    void company() {
        owner = accounts.owner("Reference Co");
        api = accounts.as(owner);
    }

    @ParameterizedTest
    @ValueSource(strings = {"categories", "manufacturers", "departments", "status-labels", "locations", "models", "people"})
    void everyKindHasTheSameCrudAndIsolation(String kind) {
        ApiClient.Reply created = api.post("/api/v1/" + kind, Map.of("name", "First " + kind));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/v1/" + kind, Map.of("name", "FIRST " + kind)).status())
                .as("names are unique, ignoring case (two people may share a name)").isEqualTo(kind.equals("people") ? 201 : 409);
        assertThat(api.post("/api/v1/" + kind, Map.of("name", " ")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/" + kind, Map.of("name", "x", "colour", "red")).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("colour");

        ApiClient.Reply renamed = api.patch("/api/v1/" + kind + "/" + id, Map.of("name", "Renamed"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Renamed");
        assertThat(api.get("/api/v1/" + kind + "?q=renam").json().get("items").findValuesAsString("name"))
                .contains("Renamed");

        ApiClient stranger = accounts.as(accounts.owner("Stranger " + kind));
        assertThat(stranger.get("/api/v1/" + kind + "/" + id).status()).isEqualTo(404);
        assertThat(stranger.patch("/api/v1/" + kind + "/" + id, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/" + kind + "/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/" + kind + "?q=renamed").json().get("items")).isEmpty();

        assertThat(api.delete("/api/v1/" + kind + "/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/" + kind + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void locationsHaveAHierarchyAndAGeofence() {
        String campus = api.post("/api/v1/locations", Map.of("name", "Campus", "latitude", 48.137, "longitude", 11.575,
                "radiusM", 250)).json().get("id").asString();
        ApiClient.Reply building = api.post("/api/v1/locations", Map.of("name", "Building A", "parentId", campus));
        assertThat(building.json().get("parentId").asString()).isEqualTo(campus);
        assertThat(api.post("/api/v1/locations", Map.of("name", "Nowhere", "latitude", 91)).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("latitude");
        assertThat(api.post("/api/v1/locations", Map.of("name", "Orphan", "parentId", UUID.randomUUID().toString()))
                .status()).isEqualTo(422);
        assertThat(api.delete("/api/v1/locations/" + campus).status()).as("still the parent of a location").isEqualTo(409);
    }

    @Test
    void statusLabelsStartWithSensibleDefaults() {
        JsonNode items = api.get("/api/v1/status-labels?size=100").json().get("items");
        assertThat(items.findValuesAsString("name")).contains("Ready to deploy", "Pending", "Archived", "Broken");
        assertThat(api.post("/api/v1/status-labels", Map.of("name", "Loaned", "kind", "sideways")).status()).isEqualTo(422);
    }

    @Test
    void checkOutToAPersonThenCheckInWithHistory() {
        String person = api.post("/api/v1/people", Map.of("name", "Pat Person", "email", "pat@example.com",
                "employeeNumber", "E-100")).json().get("id").asString();
        String asset = api.post("/api/v1/assets", Map.of("name", "Laptop 7")).json().get("id").asString();
        LocalDate back = LocalDate.now(ZoneOffset.UTC).plusDays(14);

        ApiClient.Reply out = api.post("/api/v1/assets/" + asset + "/checkout", Map.of("personId", person,
                "expectedCheckinOn", back.toString(), "note", "for the trip"));
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().get("assignedTo").get("type").asString()).isEqualTo("person");
        assertThat(out.json().get("assignedTo").get("name").asString()).isEqualTo("Pat Person");
        assertThat(out.json().get("expectedCheckinOn").asString()).isEqualTo(back.toString());
        assertThat(api.post("/api/v1/assets/" + asset + "/checkout", Map.of("personId", person)).status())
                .as("already out").isEqualTo(409);
        assertThat(api.delete("/api/v1/people/" + person).status()).as("a person holding an asset stays").isEqualTo(409);

        ApiClient.Reply in = api.post("/api/v1/assets/" + asset + "/checkin", Map.of("note", "returned fine"));
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.json().get("assignedTo").isNull()).isTrue();
        assertThat(api.post("/api/v1/assets/" + asset + "/checkin", Map.of()).status()).isEqualTo(409);

        JsonNode history = api.get("/api/v1/assets/" + asset + "/history").json().get("items");
        assertThat(history.findValuesAsString("action")).containsExactly("asset.checked_in", "asset.checked_out",
                "asset.created");
    }

    @Test
    void checkOutRules() {
        String asset = api.post("/api/v1/assets", Map.of("name", "Tablet")).json().get("id").asString();
        String other = api.post("/api/v1/assets", Map.of("name", "Cart")).json().get("id").asString();
        assertThat(api.post("/api/v1/assets/" + asset + "/checkout", Map.of()).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/assets/" + asset + "/checkout", Map.of("assetId", asset)).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/assets/" + asset + "/checkout", Map.of("personId", UUID.randomUUID().toString()))
                .status()).isEqualTo(422);
        assertThat(api.post("/api/v1/assets/" + asset + "/checkout", Map.of("assetId", other)).json()
                .get("assignedTo").get("name").asString()).isEqualTo("Cart");
        String broken = api.post("/api/v1/assets", Map.of("name", "Cracked", "status", "Broken")).json().get("id").asString();
        assertThat(api.post("/api/v1/assets/" + broken + "/checkout", Map.of("assetId", other)).status())
                .as("not deployable").isEqualTo(409);
        // another company's person cannot receive this company's asset
        String theirPerson = accounts.as(accounts.owner("Other people")).post("/api/v1/people", Map.of("name", "Them"))
                .json().get("id").asString();
        String spare = api.post("/api/v1/assets", Map.of("name", "Spare")).json().get("id").asString();
        assertThat(api.post("/api/v1/assets/" + spare + "/checkout", Map.of("personId", theirPerson)).status()).isEqualTo(422);
    }

    @Test
    void auditSetsTheNextAuditDateAndListsShowWhatIsDue() {
        String asset = api.post("/api/v1/assets", Map.of("name", "Server 1", "nextAuditOn",
                LocalDate.now(ZoneOffset.UTC).minusDays(3).toString())).json().get("id").asString();
        assertThat(api.get("/api/v1/assets/audits-due").json().get("items").findValuesAsString("id")).contains(asset);

        ApiClient.Reply audited = api.post("/api/v1/assets/" + asset + "/audit", Map.of("note", "seen in rack 4"));
        assertThat(audited.status()).isEqualTo(200);
        assertThat(audited.json().get("nextAuditOn").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(12).toString());
        assertThat(audited.json().get("lastAuditAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/assets/audits-due").json().get("items").findValuesAsString("id")).doesNotContain(asset);
    }

    @Test
    void viewersCannotChangeReferenceDataOrCheckOut() {
        ApiClient viewer = accounts.as(accounts.member(owner, Role.VIEWER));
        String asset = api.post("/api/v1/assets", Map.of("name", "Locked")).json().get("id").asString();
        assertThat(viewer.post("/api/v1/categories", Map.of("name", "No")).status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/categories").status()).isEqualTo(200);
        Map<String, Object> body = new HashMap<>();
        body.put("locationId", api.post("/api/v1/locations", Map.of("name", "Shelf")).json().get("id").asString());
        assertThat(viewer.post("/api/v1/assets/" + asset + "/checkout", body).status()).isEqualTo(403);
    }
}
