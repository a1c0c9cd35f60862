package dev.holdfast.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;

/** A company admin's device management: list, identifiers (custom, rotate), erase, revoke, and who may do it. */
class DeviceManagementTest extends WebTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    Devices devices;

    FleetClient fleet;
    TestAccounts.Person owner;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fleet = new FleetClient(port);
        owner = accounts.owner("Devices Co");
        admin = accounts.as(owner);
    }

    private FleetClient.Enrolled enrol() {
        return fleet.enrolled(fleet.code(admin, Map.of()), FleetClient.hardwareId());
    }

    @Test
    void listShowsDevicesWithoutTelemetryOrLocationAndPagesWithAKeyset() {
        List<FleetClient.Enrolled> enrolled = List.of(enrol(), enrol(), enrol());
        fleet.put(enrolled.get(0).token(), "/api/v1/devices/self/telemetry", Map.of("batteryPct", 42,
                "osVersion", "Android 15", "lastError", "boom"));

        ApiClient.Reply first = admin.get("/api/v1/devices?size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items").size()).isEqualTo(2);
        String next = first.json().get("next").asString();
        ApiClient.Reply second = admin.get("/api/v1/devices?size=2&after=" + next);
        assertThat(second.json().get("items").size()).isOne();
        assertThat(second.json().get("next").isNull()).isTrue();
        assertThat(second.json().get("items").get(0).get("id").asString())
                .isEqualTo(enrolled.get(0).deviceId().toString());

        ApiClient.Reply one = admin.get("/api/v1/devices/" + enrolled.get(0).deviceId());
        assertThat(one.json().propertyNames()).containsExactlyInAnyOrder("id", "identifier", "model", "appVersion",
                "enrolledAt", "lastUploadAt", "status", "revokedAt");
        assertThat(one.json().get("model").asString()).isEqualTo("Pixel 8");
        assertThat(one.json().get("status").asString()).isEqualTo("active");
        assertThat(one.raw().body()).doesNotContain("Android 15", "boom", "battery", "\"lat\"", "\"lon\"");

        assertThat(admin.get("/api/v1/devices?status=bogus").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/devices?after=garbage").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/devices?size=0").status()).isEqualTo(422);
    }

    @Test
    void customIdentifiersAreCheckedAndUniqueAndRotationGivesAFreshOne() {
        FleetClient.Enrolled a = enrol();
        FleetClient.Enrolled b = enrol();
        String path = "/api/v1/devices/" + a.deviceId();
        String original = admin.get(path).json().get("identifier").asString();

        ApiClient.Reply bad = fleet.patch(owner.token(), path, Map.of("identifier", "no spaces allowed"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("identifier");

        ApiClient.Reply set = fleet.patch(owner.token(), path, Map.of("identifier", "forklift-7"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("identifier").asString()).isEqualTo("forklift-7");

        ApiClient.Reply dup = fleet.patch(owner.token(), "/api/v1/devices/" + b.deviceId(), Map.of("identifier", "forklift-7"));
        assertThat(dup.status()).isEqualTo(409);
        ApiClient.Reply former = fleet.patch(owner.token(), "/api/v1/devices/" + b.deviceId(), Map.of("identifier", original));
        assertThat(former.status()).as("a former identifier is never given out again").isEqualTo(409);

        Instant beforeRotation = Instant.now();
        ApiClient.Reply rotated = admin.post(path + "/rotate", Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.json().get("identifier").asString();
        assertThat(fresh).matches("[0-9a-f]{16}").isNotEqualTo("forklift-7").isNotEqualTo(original);

        // field data is attributed to the identifier valid when it was recorded
        assertThat(devices.identifierAt(owner.tenantId(), a.deviceId(), beforeRotation)).hasValue("forklift-7");
        assertThat(devices.identifierAt(owner.tenantId(), a.deviceId(), Instant.now().plusSeconds(1))).hasValue(fresh);
        assertThat(devices.identifierAt(owner.tenantId(), a.deviceId(), Instant.now().minusSeconds(3600)))
                .hasValue(original);

        // the device's token carries on, and so does its actor label in the audit
        assertThat(fleet.put(a.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(204);
        List<String> actions = transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "select action from audit_events where tenant_id = ? and target_id = ? order by seq")
                .params(owner.tenantId(), a.deviceId().toString()).query(String.class).list());
        assertThat(actions).containsExactly("device.enrolled", "device.identifier_set", "device.identifier_rotated");
    }

    @Test
    void erasePublishesTheEventWithEveryIdentifierAndRemovesTelemetry() {
        FleetClient.Enrolled device = enrol();
        String path = "/api/v1/devices/" + device.deviceId();
        String first = admin.get(path).json().get("identifier").asString();
        String second = admin.post(path + "/rotate", Map.of()).json().get("identifier").asString();
        fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of("batteryPct", 55));
        assertThat(telemetryRows(device.deviceId())).isOne();

        List<DeviceFieldDataErased> received = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof DeviceFieldDataErased erased) {
                received.add(erased);
            }
        };
        context.addApplicationListener(listener);
        try {
            assertThat(admin.post(path + "/erase", Map.of()).status()).isEqualTo(204);
        } finally {
            context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
        }

        assertThat(received).containsExactly(new DeviceFieldDataErased(owner.tenantId(), device.deviceId(),
                List.of(first, second)));
        assertThat(telemetryRows(device.deviceId())).isZero();
        assertThat(admin.get(path).json().get("status").asString()).as("the device stays enrolled").isEqualTo("active");
    }

    @Test
    void revokedDevicesAre401AndMarkedRevoked() {
        FleetClient.Enrolled device = enrol();
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(204);
        assertThat(admin.post("/api/v1/devices/" + device.deviceId() + "/revoke", Map.of()).status()).isEqualTo(204);
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(401);

        ApiClient.Reply view = admin.get("/api/v1/devices/" + device.deviceId());
        assertThat(view.json().get("status").asString()).isEqualTo("revoked");
        assertThat(admin.get("/api/v1/devices?status=revoked").json().get("items").get(0).get("id").asString())
                .isEqualTo(device.deviceId().toString());
        assertThat(admin.get("/api/v1/devices?status=active").raw().body()).doesNotContain(device.deviceId().toString());
    }

    @Test
    void anotherCompanysDeviceIsNotFoundOnEveryEndpoint() {
        FleetClient.Enrolled theirs = enrol();
        TestAccounts.Person stranger = accounts.owner("Stranger Co");
        ApiClient them = accounts.as(stranger);
        String path = "/api/v1/devices/" + theirs.deviceId();
        for (String missing : List.of(path, "/api/v1/devices/" + UUID.randomUUID())) {
            assertThat(them.get(missing).status()).isEqualTo(404);
            assertThat(fleet.patch(stranger.token(), missing, Map.of("identifier", "mine-now")).status()).isEqualTo(404);
            assertThat(them.post(missing + "/rotate", Map.of()).status()).isEqualTo(404);
            assertThat(them.post(missing + "/erase", Map.of()).status()).isEqualTo(404);
            assertThat(them.post(missing + "/revoke", Map.of()).status()).isEqualTo(404);
        }
        assertThat(them.get("/api/v1/devices").json().get("items").size()).isZero();
        assertThat(fleet.put(theirs.token(), "/api/v1/devices/self/telemetry", Map.of()).status())
                .as("nothing happened to it").isEqualTo(204);
        assertThat(admin.get(path).json().get("identifier").asString()).isNotEqualTo("mine-now");
    }

    @Test
    void viewersAndManagersCannotManageDevices() {
        FleetClient.Enrolled device = enrol();
        String path = "/api/v1/devices/" + device.deviceId();
        TestAccounts.Person admin2 = accounts.member(owner, Role.ADMIN);
        assertThat(accounts.as(admin2).get(path).status()).isEqualTo(200);
        for (Role role : List.of(Role.MANAGER, Role.VIEWER)) {
            TestAccounts.Person member = accounts.member(owner, role);
            ApiClient as = accounts.as(member);
            assertThat(as.get("/api/v1/devices").status()).isEqualTo(403);
            assertThat(as.get(path).status()).isEqualTo(403);
            assertThat(fleet.patch(member.token(), path, Map.of("identifier", "nope-123")).status()).isEqualTo(403);
            assertThat(as.post(path + "/rotate", Map.of()).status()).isEqualTo(403);
            assertThat(as.post(path + "/erase", Map.of()).status()).isEqualTo(403);
            assertThat(as.post(path + "/revoke", Map.of()).status()).isEqualTo(403);
            assertThat(as.get("/api/v1/device-settings").status()).isEqualTo(403);
        }
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(204);
    }

    @Test
    void bleFilterIsTheCompanysAndReachesNewDevices() {
        ApiClient.Reply bad = fleet.put(owner.token(), "/api/v1/device-settings",
                Map.of("bleFilter", Map.of("families", List.of("ibeacon", "airtag"), "ibeaconUuids", List.of())));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("families");
        String uuid = "e2c56db5-dffb-48d2-b060-d0f5a71096e0";
        ApiClient.Reply ok = fleet.put(owner.token(), "/api/v1/device-settings",
                Map.of("bleFilter", Map.of("families", List.of("ibeacon"), "ibeaconUuids", List.of(uuid))));
        assertThat(ok.status()).isEqualTo(200);

        FleetClient.Enrolled device = enrol();
        assertThat(device.body().get("bleFilter").get("families").toString()).isEqualTo("[\"ibeacon\"]");
        assertThat(device.body().get("bleFilter").get("ibeaconUuids").get(0).asString()).isEqualTo(uuid);
        TestAccounts.Person other = accounts.owner("Default Filter Co");
        assertThat(accounts.as(other).get("/api/v1/device-settings").json().get("bleFilter").get("families").size())
                .isEqualTo(3);
    }

    @Test
    void uploadsAreMarkedOnTheDeviceLatestFirst() {
        FleetClient.Enrolled device = enrol();
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        devices.markUpload(owner.tenantId(), device.deviceId(), at);
        devices.markUpload(owner.tenantId(), device.deviceId(), at.minusSeconds(600));
        assertThat(admin.get("/api/v1/devices/" + device.deviceId()).json().get("lastUploadAt").asString())
                .isEqualTo("2026-01-02T03:04:05Z");
    }

    private long telemetryRows(UUID deviceId) {
        return transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "select count(*) from device_telemetry where tenant_id = ? and device_id = ?")
                .params(owner.tenantId(), deviceId).query(Long.class).single());
    }
}
