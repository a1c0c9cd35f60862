package dev.holdfast.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health telemetry: validated, last value only, and seen by the operator alone. */
class TelemetryTest extends WebTest {

    FleetClient fleet;
    TestAccounts.Person owner;

    @BeforeEach
    void setUp() {
        fleet = new FleetClient(port);
        owner = accounts.owner("Telemetry Co");
    }

    @Test
    void onlyTheLatestReportIsKept() {
        FleetClient.Enrolled device = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), FleetClient.hardwareId());
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of("appVersion", "1.4.0",
                "osVersion", "Android 14", "batteryPct", 90, "pendingBatches", 3, "lastUploadAt", "2026-01-02T03:04:05Z",
                "permissions", Map.of("location", true, "bluetooth", "granted"), "lastError", "first")).status())
                .isEqualTo(204);
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of("appVersion", "1.5.0",
                "batteryPct", 12, "pendingBatches", 0, "permissions", Map.of("location", false))).status())
                .isEqualTo(204);

        List<Map<String, Object>> rows = transactions.inTenant(owner.tenantId(), () -> jdbc.sql("""
                select app_version, os_version, battery_pct, pending_batches, permissions::text as permissions, last_error
                from device_telemetry where tenant_id = ? and device_id = ?
                """).params(owner.tenantId(), device.deviceId()).query().listOfRows());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("app_version", "1.5.0").containsEntry("battery_pct", 12)
                .containsEntry("pending_batches", 0).containsEntry("permissions", "{\"location\": false}")
                .containsEntry("os_version", null).containsEntry("last_error", null);
    }

    @Test
    void badValuesAre422NamingTheFieldAndChangeNothing() {
        FleetClient.Enrolled device = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), FleetClient.hardwareId());
        fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of("batteryPct", 50));
        Map<String, Map<String, Object>> bad = Map.of(
                "batteryPct", Map.of("batteryPct", 101),
                "pendingBatches", Map.of("pendingBatches", -1),
                "lastUploadAt", Map.of("lastUploadAt", "yesterday"),
                "permissions", Map.of("permissions", List.of("location")),
                "appVersion", Map.of("appVersion", 7),
                "speed", Map.of("speed", 3));
        bad.forEach((field, body) -> {
            ApiClient.Reply r = fleet.put(device.token(), "/api/v1/devices/self/telemetry", body);
            assertThat(r.status()).as(field).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        });
        ApiClient.Reply typed = fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of("batteryPct", "full"));
        assertThat(typed.status()).isEqualTo(422);
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", "{not json").status()).isEqualTo(400);
        Integer battery = transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "select battery_pct from device_telemetry where tenant_id = ? and device_id = ?")
                .params(owner.tenantId(), device.deviceId()).query(Integer.class).single());
        assertThat(battery).isEqualTo(50);
    }

    @Test
    void theOperatorSeesEveryCompanysDeviceHealthAndCompaniesDoNot() {
        FleetClient.Enrolled reporting = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), FleetClient.hardwareId());
        fleet.put(reporting.token(), "/api/v1/devices/self/telemetry", Map.of("batteryPct", 77, "osVersion", "Android 15",
                "lastError", "scanner stopped " + reporting.deviceId()));
        TestAccounts.Person other = accounts.owner("Quiet Co");
        FleetClient.Enrolled silent = fleet.enrolled(fleet.code(accounts.as(other), Map.of()), FleetClient.hardwareId());
        transactions.inTenant(other.tenantId(), () -> {
            jdbc.sql("update devices set enrolled_at = now() - interval '3 hours', last_upload_at = now() - interval '2 hours' where id = ?")
                    .param(silent.deviceId()).update();
        });

        WebClient operator = TestAccounts.operatorSession(port, jdbc, encoder);
        assertThat(operator.get("/operator/devices").statusCode()).isEqualTo(200);
        HttpResponse<String> page = operator.get("/operator/devices?company=" + owner.tenantId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("scanner stopped " + reporting.deviceId(), "Android 15", "77 %", "Telemetry Co");
        assertThat(rowOf(page.body(), reporting.deviceId().toString())).doesNotContain("table-warning");
        HttpResponse<String> quiet = operator.get("/operator/devices?company=" + other.tenantId());
        assertThat(quiet.body()).contains("Quiet Co");
        assertThat(rowOf(quiet.body(), silent.deviceId().toString())).contains("table-warning silent");
        assertThat(operator.get("/operator/devices?silent=true&company=" + other.tenantId()).body())
                .contains(silent.deviceId().toString());
        assertThat(operator.get("/operator/devices?silent=true&company=" + owner.tenantId()).body())
                .doesNotContain(reporting.deviceId().toString());

        WebClient companyAdmin = new WebClient(port);
        companyAdmin.login(owner.email(), TestAccounts.PASSWORD);
        assertThat(companyAdmin.get("/operator/devices").statusCode()).isEqualTo(403);
        assertThat(companyAdmin.get("/devices").body()).doesNotContain("scanner stopped", "Android 15", "77 %");
        assertThat(companyAdmin.get("/devices/" + reporting.deviceId()).body())
                .doesNotContain("scanner stopped", "Android 15", "77 %");
        assertThat(accounts.as(owner).get("/api/v1/devices/" + reporting.deviceId()).raw().body())
                .doesNotContain("scanner stopped", "Android 15", "battery");
    }

    private static String rowOf(String html, String deviceId) {
        int at = html.indexOf("data-device-id=\"" + deviceId + "\"");
        assertThat(at).as("row of " + deviceId).isPositive();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start, html.indexOf("</tr>", at));
    }
}
