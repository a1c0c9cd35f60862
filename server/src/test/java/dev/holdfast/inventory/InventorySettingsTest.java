package dev.holdfast.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.Test;

class InventorySettingsTest extends WebTest {

    @Test
    void adminsSetTheTagPatternAndAuditInterval() {
        TestAccounts.Person owner = accounts.owner("Settings Co");
        ApiClient api = accounts.as(owner);
        assertThat(api.get("/api/v1/inventory-settings").json().get("assetTagPattern").asString()).isEqualTo("HF-{seq:6}");

        ApiClient manager = accounts.as(accounts.member(owner, Role.MANAGER));
        assertThat(manager.patch("/api/v1/inventory-settings", Map.of("auditIntervalMonths", 6)).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/inventory-settings", Map.of("assetTagPattern", "no counter")).status()).isEqualTo(422);
        assertThat(api.patch("/api/v1/inventory-settings", Map.of("auditIntervalMonths", 0)).status()).isEqualTo(422);
        ApiClient.Reply changed = api.patch("/api/v1/inventory-settings",
                Map.of("assetTagPattern", "ACME-{yyyy}-{seq:4}", "auditIntervalMonths", 6));
        assertThat(changed.status()).isEqualTo(200);

        String tag = api.post("/api/v1/assets", Map.of("name", "Tagged")).json().get("assetTag").asString();
        assertThat(tag).matches("ACME-" + LocalDate.now(ZoneOffset.UTC).getYear() + "-\\d{4}");
        String id = api.post("/api/v1/assets", Map.of("name", "Audited")).json().get("id").asString();
        assertThat(api.post("/api/v1/assets/" + id + "/audit", Map.of()).json().get("nextAuditOn").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString());
    }
}
