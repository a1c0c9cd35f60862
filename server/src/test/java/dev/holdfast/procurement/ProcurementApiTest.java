package dev.holdfast.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

/** The procurement endpoints of API.md (vendors, contracts, licences, seats, settings) over HTTP, real database. */
class ProcurementApiTest extends WebTest {

    TestAccounts.Person owner;
    ApiClient api;

    @BeforeEach
    void company() {
        owner = accounts.owner("Procure Inc");
        api = accounts.as(owner);
    }

    @Test
    void vendorsAreCreatedReadChangedAuditedListedAndDeleted() {
        ApiClient.Reply created = api.post("/api/v1/vendors", Map.of("name", "Dell Technologies", "contactName", "Dana",
                "email", "dana@dell.example", "website", "https://dell.example", "auditCadenceMonths", 12,
                "lastAuditOn", "2025-03-31"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode v = created.json();
        String id = v.get("id").asString();
        assertThat(v.get("nextAuditDue").asString()).isEqualTo("2026-03-31");
        assertThat(v.get("auditOverdue").asBoolean()).isEqualTo(LocalDate.now().isAfter(LocalDate.parse("2026-03-31")));
        assertThat(v.get("createdAt").asString()).endsWith("Z");

        assertThat(api.get("/api/v1/vendors/" + id).json().get("name").asString()).isEqualTo("Dell Technologies");
        ApiClient.Reply patched = api.patch("/api/v1/vendors/" + id, Map.of("phone", "+49 30 1234", "auditCadenceMonths", 6));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("phone").asString()).isEqualTo("+49 30 1234");
        assertThat(patched.json().get("contactName").asString()).isEqualTo("Dana");
        assertThat(patched.json().get("nextAuditDue").asString()).isEqualTo("2025-09-30");

        String today = LocalDate.now().toString();
        ApiClient.Reply audited = api.post("/api/v1/vendors/" + id + "/audits", Map.of("result", "concerns", "notes", "late SLAs"));
        assertThat(audited.status()).isEqualTo(201);
        assertThat(audited.json().get("lastAuditOn").asString()).isEqualTo(today);
        assertThat(audited.json().get("lastAuditResult").asString()).isEqualTo("CONCERNS");
        assertThat(audited.json().get("nextAuditDue").asString()).isEqualTo(LocalDate.now().plusMonths(6).toString());
        assertThat(audited.json().get("auditOverdue").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/vendors/" + id + "/audits").json().get("items")).hasSize(1);
        assertThat(api.post("/api/v1/vendors/" + id + "/audits", Map.of("result", "GREAT")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/vendors/" + id + "/audits", Map.of("result", "PASSED",
                "auditedOn", LocalDate.now().plusDays(2).toString())).status()).isEqualTo(422);

        String overdue = api.post("/api/v1/vendors", Map.of("name", "Old Supplier", "auditCadenceMonths", 12,
                "lastAuditOn", "2020-01-01")).json().get("id").asString();
        JsonNode overdueList = api.get("/api/v1/vendors?auditOverdue=true").json().get("items");
        assertThat(overdueList).hasSize(1);
        assertThat(overdueList.get(0).get("id").asString()).isEqualTo(overdue);
        assertThat(api.get("/api/v1/vendors?q=dell").json().get("items")).hasSize(1);

        JsonNode history = api.get("/api/v1/vendors/" + id + "/history").json().get("items");
        assertThat(history.get(0).get("action").asString()).isEqualTo("vendor.audited");
        assertThat(history.get(1).get("changes").get("phone").get("after").asString()).isEqualTo("+49 30 1234");

        assertThat(api.delete("/api/v1/vendors/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/vendors/" + id).status()).isEqualTo(404);
    }

    @Test
    void listsArePagedByKeysetAndSorted() {
        for (String name : List.of("Charlie", "alpha", "Bravo")) {
            api.post("/api/v1/vendors", Map.of("name", name));
        }
        JsonNode first = api.get("/api/v1/vendors?sort=name&size=2").json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("name").asString()).isEqualTo("alpha");
        assertThat(first.get("items").get(1).get("name").asString()).isEqualTo("Bravo");
        JsonNode second = api.get("/api/v1/vendors?sort=name&size=2&after=" + first.get("next").asString()).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("name").asString()).isEqualTo("Charlie");
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(api.get("/api/v1/vendors?sort=-name").json().get("items").get(0).get("name").asString())
                .isEqualTo("Charlie");
        assertThat(api.get("/api/v1/vendors?sort=colour").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/licenses?after=garbage").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/contracts?size=0").status()).isEqualTo(422);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "vendors   | {\"contactName\": \"x\"}                              | name",
        "vendors   | {\"name\": \"A\", \"email\": \"not-mail\"}            | email",
        "vendors   | {\"name\": \"A\", \"website\": \"ftp://x\"}           | website",
        "vendors   | {\"name\": \"A\", \"auditCadenceMonths\": 0}          | auditCadenceMonths",
        "vendors   | {\"name\": \"A\", \"lastAuditOn\": \"31.12.2025\"}    | lastAuditOn",
        "vendors   | {\"name\": \"A\", \"colour\": \"red\"}                | colour",
        "contracts | {\"title\": \"Support\"}                              | vendorId",
        "contracts | {\"vendorId\": \"6a1b2c3d-0000-4000-8000-000000000000\", \"title\": \"S\"} | vendorId",
        "licenses  | {\"seats\": 5}                                        | product",
        "licenses  | {\"product\": \"Office\"}                             | seats",
        "licenses  | {\"product\": \"Office\", \"seats\": -1}              | seats",
        "licenses  | {\"product\": \"Office\", \"seats\": 2, \"purchaseCost\": 1.234} | purchaseCost",
        "licenses  | {\"product\": \"Office\", \"seats\": 2, \"expiresOn\": \"soon\"} | expiresOn",
        "licenses  | {\"product\": \"Office\", \"seats\": 2, \"vendorId\": \"nope\"} | vendorId",
    })
    void badInputIsRefusedNamingTheFieldAndNothingIsStored(String path, String json, String field) {
        ApiClient.Reply r = api.postJson("/api/v1/" + path, json);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(api.get("/api/v1/" + path).json().get("items")).isEmpty();
    }

    @Test
    void contractsCoverAssetsAndDeriveTheNoticeDeadline() {
        String vendor = vendor("Lenovo");
        String asset = asset(api, "ThinkPad");
        LocalDate ends = LocalDate.now().plusDays(45);
        Map<String, Object> body = new HashMap<>(Map.of("vendorId", vendor, "title", "Premier Support", "number", "PS-1",
                "startsOn", LocalDate.now().minusYears(1).toString(), "endsOn", ends.toString(), "noticeDays", 30,
                "autoRenew", true, "value", 1200.5, "currency", "eur", "assetIds", List.of(asset)));
        ApiClient.Reply created = api.post("/api/v1/contracts", body);
        assertThat(created.status()).isEqualTo(201);
        JsonNode c = created.json();
        String id = c.get("id").asString();
        assertThat(c.get("vendorName").asString()).isEqualTo("Lenovo");
        assertThat(c.get("currency").asString()).isEqualTo("EUR");
        assertThat(c.get("noticeDeadline").asString()).isEqualTo(ends.minusDays(30).toString());
        assertThat(c.get("assetIds").get(0).asString()).isEqualTo(asset);
        assertThat(c.get("autoRenew").asBoolean()).isTrue();

        assertThat(api.get("/api/v1/contracts?expiringWithin=60").json().get("items")).hasSize(1);
        assertThat(api.get("/api/v1/contracts?expiringWithin=30").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/contracts?vendorId=" + vendor).json().get("items")).hasSize(1);

        ApiClient.Reply backwards = api.patch("/api/v1/contracts/" + id, Map.of("endsOn", "2000-01-01"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("endsOn");
        ApiClient.Reply uncovered = api.patch("/api/v1/contracts/" + id, Map.of("assetIds", List.of(), "renewalOn",
                ends.minusDays(5).toString()));
        assertThat(uncovered.status()).isEqualTo(200);
        assertThat(uncovered.json().get("assetIds")).isEmpty();
        assertThat(uncovered.json().get("noticeDeadline").asString()).isEqualTo(ends.minusDays(35).toString());

        // a vendor with contracts is not deleted from under them
        assertThat(api.delete("/api/v1/vendors/" + vendor).status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/contracts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/contracts/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/vendors/" + vendor).status()).isEqualTo(204);
    }

    @Test
    void seatsAreAssignedToPeopleAndAssetsNeverBeyondTheSeatsUnlessAllowed() {
        String license = api.post("/api/v1/licenses", Map.of("product", "Adobe Acrobat", "seats", 2))
                .json().get("id").asString();
        String alice = person(api, "Alice");
        String bob = person(api, "Bob");
        String laptop = asset(api, "Build server");

        ApiClient.Reply seat = api.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", alice));
        assertThat(seat.status()).isEqualTo(201);
        assertThat(seat.json().get("personName").asString()).isEqualTo("Alice");
        assertThat(api.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", alice)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/licenses/" + license + "/seats", Map.of("assetId", laptop)).status()).isEqualTo(201);
        JsonNode full = api.get("/api/v1/licenses/" + license).json();
        assertThat(full.get("seatsUsed").asInt()).isEqualTo(2);
        assertThat(full.get("overAllocated").asBoolean()).isFalse();

        ApiClient.Reply third = api.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", bob));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("detail").asString()).contains("All 2 seats");
        assertThat(api.patch("/api/v1/licenses/" + license, Map.of("seats", 1)).status()).isEqualTo(409);

        // the company allows over-allocation: the seat is given and the licence is flagged
        assertThat(api.get("/api/v1/procurement-settings").json().get("allowOverAllocation").asBoolean()).isFalse();
        assertThat(api.patch("/api/v1/procurement-settings", Map.of("allowOverAllocation", true)).status()).isEqualTo(200);
        ApiClient.Reply over = api.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", bob));
        assertThat(over.status()).isEqualTo(201);
        JsonNode flagged = api.get("/api/v1/licenses/" + license).json();
        assertThat(flagged.get("seatsUsed").asInt()).isEqualTo(3);
        assertThat(flagged.get("overAllocated").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/licenses?overAllocated=true").json().get("items")).hasSize(1);

        JsonNode seats = api.get("/api/v1/licenses/" + license + "/seats").json().get("items");
        assertThat(seats).hasSize(3);
        assertThat(api.delete("/api/v1/licenses/" + license + "/seats/" + over.json().get("id").asString()).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/v1/licenses/" + license + "/seats/" + over.json().get("id").asString()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/licenses/" + license).json().get("seatsUsed").asInt()).isEqualTo(2);

        // exactly one holder, of this company
        assertThat(field(api.post("/api/v1/licenses/" + license + "/seats", Map.of()))).isEqualTo("personId");
        assertThat(field(api.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", bob, "assetId", laptop))))
                .isEqualTo("assetId");
        ApiClient other = accounts.as(accounts.owner("Other Co"));
        String stranger = person(other, "Stranger");
        String strangersAsset = asset(other, "Their laptop");
        assertThat(field(api.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", stranger))))
                .isEqualTo("personId");
        assertThat(field(api.post("/api/v1/licenses/" + license + "/seats", Map.of("assetId", strangersAsset))))
                .isEqualTo("assetId");
    }

    @Test
    void theLicenceKeyIsShownToManagersOnlyAndNeverInHistories() {
        String key = "ABCD-EFGH-IJKL-MNOP";
        JsonNode created = api.post("/api/v1/licenses", Map.of("product", "Windows 11 Pro", "seats", 10,
                "licenseKey", key, "expiresOn", "2030-01-01", "purchaseCost", "99.90")).json();
        String id = created.get("id").asString();
        assertThat(created.get("licenseKey").asString()).isEqualTo(key);
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);
        TestAccounts.Person viewer = accounts.member(owner, Role.VIEWER);
        assertThat(accounts.as(manager).get("/api/v1/licenses/" + id).json().get("licenseKey").asString()).isEqualTo(key);
        ApiClient asViewer = accounts.as(viewer);
        assertThat(asViewer.get("/api/v1/licenses/" + id).json().get("licenseKey").asString()).isEqualTo("********");
        assertThat(asViewer.get("/api/v1/licenses").json().get("items").get(0).get("licenseKey").asString())
                .isEqualTo("********");
        assertThat(asViewer.get("/api/v1/licenses/" + id).raw().body()).doesNotContain(key);

        api.patch("/api/v1/licenses/" + id, Map.of("licenseKey", "QRST-UVWX"));
        String laptop = asset(api, "Designer laptop");
        api.post("/api/v1/licenses/" + id + "/seats", Map.of("assetId", laptop));
        ApiClient.Reply history = api.get("/api/v1/licenses/" + id + "/history");
        assertThat(history.json().get("items")).hasSize(3);
        assertThat(history.raw().body()).doesNotContain(key).doesNotContain("QRST-UVWX");
        JsonNode change = history.json().get("items").get(1).get("changes").get("licenseKey");
        assertThat(change.get("before").asString()).isEqualTo("***");
        assertThat(change.get("after").asString()).isEqualTo("***");
        ApiClient.Reply assetHistory = api.get("/api/v1/assets/" + laptop + "/history");
        assertThat(assetHistory.json().get("items").get(0).get("action").asString()).isEqualTo("license.seat_assigned");
        assertThat(assetHistory.raw().body()).contains("Windows 11 Pro").doesNotContain(key).doesNotContain("QRST-UVWX");
    }

    @Test
    void viewersReadManagersWriteAdminsChangeSettings() {
        String vendor = vendor("Acme");
        String license = api.post("/api/v1/licenses", Map.of("product", "Slack", "seats", 5)).json().get("id").asString();
        ApiClient viewer = accounts.as(accounts.member(owner, Role.VIEWER));
        ApiClient manager = accounts.as(accounts.member(owner, Role.MANAGER));
        ApiClient admin = accounts.as(accounts.member(owner, Role.ADMIN));
        for (String path : List.of("/api/v1/vendors", "/api/v1/vendors/" + vendor, "/api/v1/contracts", "/api/v1/licenses",
                "/api/v1/licenses/" + license, "/api/v1/licenses/" + license + "/seats", "/api/v1/procurement-settings")) {
            assertThat(viewer.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(viewer.post("/api/v1/vendors", Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(viewer.patch("/api/v1/vendors/" + vendor, Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(viewer.delete("/api/v1/vendors/" + vendor).status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/vendors/" + vendor + "/audits", Map.of("result", "PASSED")).status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/contracts", Map.of("vendorId", vendor, "title", "T")).status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/licenses", Map.of("product", "P", "seats", 1)).status()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", person(api, "P"))).status())
                .isEqualTo(403);
        assertThat(manager.post("/api/v1/contracts", Map.of("vendorId", vendor, "title", "T")).status()).isEqualTo(201);
        assertThat(manager.patch("/api/v1/procurement-settings", Map.of("allowOverAllocation", true)).status()).isEqualTo(403);
        assertThat(viewer.patch("/api/v1/procurement-settings", Map.of("allowOverAllocation", true)).status()).isEqualTo(403);
        assertThat(admin.patch("/api/v1/procurement-settings", Map.of("allowOverAllocation", true)).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/procurement-settings", Map.of("allowOverAllocation", "maybe")).status()).isEqualTo(422);
        assertThat(new ApiClient(port).get("/api/v1/vendors").status()).isEqualTo(401);
    }

    @Test
    void anotherCompanysIdsAreNotFoundOnEveryEndpoint() {
        String vendor = vendor("Mine");
        String contract = api.post("/api/v1/contracts", Map.of("vendorId", vendor, "title", "Mine")).json().get("id").asString();
        String license = api.post("/api/v1/licenses", Map.of("product", "Mine", "seats", 3)).json().get("id").asString();
        String seat = api.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", person(api, "Me")))
                .json().get("id").asString();

        ApiClient other = accounts.as(accounts.owner("Snoopers"));
        String theirPerson = person(other, "Them");
        List<ApiClient.Reply> replies = new ArrayList<>(List.of(
                other.get("/api/v1/vendors/" + vendor), other.patch("/api/v1/vendors/" + vendor, Map.of("name", "X")),
                other.delete("/api/v1/vendors/" + vendor), other.get("/api/v1/vendors/" + vendor + "/history"),
                other.post("/api/v1/vendors/" + vendor + "/audits", Map.of("result", "PASSED")),
                other.get("/api/v1/vendors/" + vendor + "/audits"),
                other.get("/api/v1/contracts/" + contract), other.patch("/api/v1/contracts/" + contract, Map.of("title", "X")),
                other.delete("/api/v1/contracts/" + contract), other.get("/api/v1/contracts/" + contract + "/history"),
                other.get("/api/v1/licenses/" + license), other.patch("/api/v1/licenses/" + license, Map.of("seats", 9)),
                other.get("/api/v1/licenses/" + license + "/history"), other.get("/api/v1/licenses/" + license + "/seats"),
                other.post("/api/v1/licenses/" + license + "/seats", Map.of("personId", theirPerson)),
                other.delete("/api/v1/licenses/" + license + "/seats/" + seat),
                other.delete("/api/v1/licenses/" + license)));
        for (ApiClient.Reply r : replies) {
            assertThat(r.status()).as(r.raw().request().method() + " " + r.raw().uri()).isEqualTo(404);
        }
        assertThat(other.get("/api/v1/vendors").json().get("items")).isEmpty();
        assertThat(other.get("/api/v1/licenses").json().get("items")).isEmpty();
        // nor can their records point at ours
        assertThat(field(other.post("/api/v1/contracts", Map.of("vendorId", vendor, "title", "X")))).isEqualTo("vendorId");
        assertThat(field(other.post("/api/v1/licenses", Map.of("product", "X", "seats", 1, "contractId", contract))))
                .isEqualTo("contractId");
        // and everything of ours is unchanged
        assertThat(api.get("/api/v1/licenses/" + license).json().get("seatsUsed").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/contracts/" + contract).json().get("title").asString()).isEqualTo("Mine");
    }

    private String vendor(String name) {
        return api.post("/api/v1/vendors", Map.of("name", name)).json().get("id").asString();
    }

    static String person(ApiClient client, String name) {
        ApiClient.Reply r = client.post("/api/v1/people", Map.of("name", name));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    static String asset(ApiClient client, String name) {
        ApiClient.Reply r = client.post("/api/v1/assets", Map.of("name", name));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String field(ApiClient.Reply r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
        return r.json().get("errors").get(0).get("field").asString();
    }
}
