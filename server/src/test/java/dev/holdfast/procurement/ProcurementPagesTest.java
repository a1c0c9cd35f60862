package dev.holdfast.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The procurement pages over HTTP: who sees and changes what, masked keys, filters, another company's ids. */
class ProcurementPagesTest extends WebTest {

    TestAccounts.Person owner;
    ApiClient api;

    @BeforeEach
    void company() {
        owner = accounts.owner("Pages Procure");
        api = accounts.as(owner);
    }

    @Test
    void viewersReadWithTheKeyMaskedAndCannotChangeAnything() {
        String license = api.post("/api/v1/licenses", Map.of("product", "Visio", "seats", 2, "licenseKey", "SECRET-KEY-1"))
                .json().get("id").asString();
        WebClient viewer = session(accounts.member(owner, Role.VIEWER));
        HttpResponse<String> page = viewer.get("/licenses/" + license);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Visio", "********").doesNotContain("SECRET-KEY-1").doesNotContain("edit-license");
        assertThat(viewer.get("/licenses").body()).contains("Visio").doesNotContain("new-license");
        assertThat(viewer.get("/vendors/new").statusCode()).isEqualTo(403);
        assertThat(viewer.submit("/licenses", "/licenses/" + license + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/licenses/" + license).status()).isEqualTo(200);

        WebClient manager = session(accounts.member(owner, Role.MANAGER));
        assertThat(manager.get("/licenses/" + license).body()).contains("SECRET-KEY-1", "edit-license");
        // the over-allocation setting is for Admins
        assertThat(manager.get("/licenses").body()).doesNotContain("license-settings");
        assertThat(manager.submit("/licenses", "/licenses/settings", Map.of("allowOverAllocation", "true")).statusCode())
                .isEqualTo(403);
        WebClient admin = session(owner);
        assertThat(admin.submit("/licenses", "/licenses/settings", Map.of("allowOverAllocation", "true")).statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/procurement-settings").json().get("allowOverAllocation").asBoolean()).isTrue();
    }

    @Test
    void emptyListsTellWhatToDoAndFiltersNarrowTheLists() {
        WebClient manager = session(accounts.member(owner, Role.MANAGER));
        assertThat(manager.get("/vendors").body()).contains("add-first-vendor");
        assertThat(manager.get("/contracts").body()).contains("add-first-vendor");
        assertThat(manager.get("/licenses").body()).contains("add-first-license");
        api.post("/api/v1/vendors", Map.of("name", "Overdue Ltd", "auditCadenceMonths", 6, "lastAuditOn", "2020-01-01"));
        api.post("/api/v1/vendors", Map.of("name", "Fresh GmbH", "auditCadenceMonths", 6));
        String overdue = manager.get("/vendors?filter=overdue").body();
        assertThat(overdue).contains("Overdue Ltd").doesNotContain("Fresh GmbH");
        api.post("/api/v1/licenses", Map.of("product", "Soon", "seats", 1, "expiresOn", LocalDate.now().plusDays(20).toString()));
        api.post("/api/v1/licenses", Map.of("product", "Later", "seats", 1, "expiresOn", LocalDate.now().plusDays(80).toString()));
        assertThat(manager.get("/licenses?expiring=30").body()).contains("Soon").doesNotContain("Later");
        assertThat(manager.get("/licenses?expiring=90").body()).contains("Soon", "Later");
    }

    @Test
    void warrantiesAreListedByWhenTheyEnd() {
        api.post("/api/v1/assets", Map.of("name", "Old laptop", "warrantyExpiresOn", LocalDate.now().minusDays(3).toString()));
        api.post("/api/v1/assets", Map.of("name", "Soon laptop", "purchaseDate", LocalDate.now().minusMonths(12).plusDays(10)
                .toString(), "warrantyMonths", 12));
        api.post("/api/v1/assets", Map.of("name", "New laptop", "purchaseDate", LocalDate.now().toString(), "warrantyMonths", 36));
        WebClient viewer = session(accounts.member(owner, Role.VIEWER));
        assertThat(viewer.get("/warranties?window=30").body()).contains("Soon laptop", "in 10 days")
                .doesNotContain("Old laptop").doesNotContain("New laptop");
        assertThat(viewer.get("/warranties?window=expired").body()).contains("Old laptop", "expired 3 days ago")
                .doesNotContain("Soon laptop");
        String all = viewer.get("/warranties?window=all").body();
        assertThat(all.indexOf("Old laptop")).isLessThan(all.indexOf("Soon laptop"));
        assertThat(all.indexOf("Soon laptop")).isLessThan(all.indexOf("New laptop"));
    }

    @Test
    void anotherCompanysRecordsAreNotFound() {
        String vendor = api.post("/api/v1/vendors", Map.of("name", "Ours")).json().get("id").asString();
        String license = api.post("/api/v1/licenses", Map.of("product", "Ours", "seats", 1)).json().get("id").asString();
        WebClient stranger = session(accounts.owner("Strangers"));
        assertThat(stranger.get("/vendors/" + vendor).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/licenses/" + license).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/licenses/" + license + "/edit").statusCode()).isEqualTo(404);
        assertThat(stranger.submit("/licenses", "/licenses/" + license + "/delete", Map.of()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/licenses/" + license).status()).isEqualTo(200);
    }

    private WebClient session(TestAccounts.Person person) {
        WebClient client = new WebClient(port);
        client.login(person.email(), TestAccounts.PASSWORD);
        return client;
    }
}
