package dev.holdfast.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Enrolment codes and device enrolment (API.md "Collector devices"), over HTTP against the real database. */
class EnrollmentTest extends WebTest {

    FleetClient fleet;
    TestAccounts.Person owner;

    @BeforeEach
    void setUp() {
        fleet = new FleetClient(port);
        owner = accounts.owner("Fleet Co");
    }

    @Test
    void codeEnrolsADeviceWhoseTokenWorksOnDeviceEndpoints() {
        ApiClient.Reply created = accounts.as(owner).post("/api/v1/enrollment-codes", Map.of());
        assertThat(created.status()).isEqualTo(201);
        String code = created.json().get("code").asString();
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(created.json().get("expiresAt").asString()).isNotBlank();
        assertThat(created.json().get("maxUses").asInt()).isOne();

        ApiClient.Reply enrolled = fleet.enroll(code.toLowerCase().replace("-", " "), FleetClient.hardwareId());
        assertThat(enrolled.status()).isEqualTo(201);
        assertThat(enrolled.json().get("token").asString()).startsWith("hfd_");
        assertThat(enrolled.json().get("uploadIntervalSeconds").asInt()).isEqualTo(900);
        assertThat(enrolled.json().get("bleFilter").get("families").toString())
                .isEqualTo("[\"ibeacon\",\"altbeacon\",\"eddystone\"]");
        assertThat(enrolled.json().get("bleFilter").get("ibeaconUuids").size()).isZero();
        String token = enrolled.json().get("token").asString();

        ApiClient.Reply telemetry = fleet.put(token, "/api/v1/devices/self/telemetry", Map.of("batteryPct", 80));
        assertThat(telemetry.status()).isEqualTo(204);
        ApiClient.Reply config = new ApiClient(port).withToken(token).get("/api/v1/devices/self/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("deviceId").asString()).isEqualTo(enrolled.json().get("deviceId").asString());

        // the code was for one device: it is used up, and no longer listed as active
        assertThat(fleet.enroll(code, FleetClient.hardwareId()).status()).isEqualTo(401);
        ApiClient.Reply active = accounts.as(owner).get("/api/v1/enrollment-codes?status=active");
        assertThat(active.json().get("items").size()).isZero();
        ApiClient.Reply all = accounts.as(owner).get("/api/v1/enrollment-codes");
        assertThat(all.json().get("items").get(0).get("status").asString()).isEqualTo("used_up");
        assertThat(all.json().get("items").get(0).get("uses").asInt()).isOne();
        assertThat(all.json().has("next")).isTrue();
    }

    @Test
    void codeBoundsAreCheckedNamingTheField() {
        ApiClient admin = accounts.as(owner);
        ApiClient.Reply ttl = admin.post("/api/v1/enrollment-codes", Map.of("ttlMinutes", 0));
        assertThat(ttl.status()).isEqualTo(422);
        assertThat(ttl.json().get("errors").get(0).get("field").asString()).isEqualTo("ttlMinutes");
        ApiClient.Reply tooLong = admin.post("/api/v1/enrollment-codes", Map.of("ttlMinutes", 60 * 24 * 31));
        assertThat(tooLong.status()).isEqualTo(422);
        ApiClient.Reply uses = admin.post("/api/v1/enrollment-codes", Map.of("maxUses", 0));
        assertThat(uses.status()).isEqualTo(422);
        assertThat(uses.json().get("errors").get(0).get("field").asString()).isEqualTo("maxUses");
        assertThat(admin.post("/api/v1/enrollment-codes", Map.of("ttlMinutes", 5, "maxUses", 10)).status())
                .isEqualTo(201);
    }

    @Test
    void racingDevicesTakeExactlyTheUsesACodeHas() throws Exception {
        String code = fleet.code(accounts.as(owner), Map.of("maxUses", 3));
        int devices = 10;
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            Callable<Integer> attempt = () -> {
                start.await();
                return fleet.enroll(code, FleetClient.hardwareId()).status();
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(devices - 3);
        long enrolled = transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "select count(*) from devices where tenant_id = ?").param(owner.tenantId()).query(Long.class).single());
        assertThat(enrolled).isEqualTo(3);
    }

    @Test
    void expiredRevokedAndUnknownCodesAreAllTheSame401() {
        ApiClient admin = accounts.as(owner);
        ApiClient.Reply revokedCode = admin.post("/api/v1/enrollment-codes", Map.of());
        UUID revokedId = UUID.fromString(revokedCode.json().get("id").asString());
        assertThat(admin.delete("/api/v1/enrollment-codes/" + revokedId).status()).isEqualTo(204);

        ApiClient.Reply expiredCode = admin.post("/api/v1/enrollment-codes", Map.of());
        UUID expiredId = UUID.fromString(expiredCode.json().get("id").asString());
        transactions.inTenant(owner.tenantId(), () -> {
            jdbc.sql("update enrollment_codes set expires_at = now() - interval '1 second' where id = ?")
                    .param(expiredId).update();
        });

        List<ApiClient.Reply> refused = List.of(
                fleet.enroll(revokedCode.json().get("code").asString(), FleetClient.hardwareId()),
                fleet.enroll(expiredCode.json().get("code").asString(), FleetClient.hardwareId()),
                fleet.enroll("ZZZZ-ZZZZ-ZZZZ-ZZZZ", FleetClient.hardwareId()),
                fleet.enroll("not a code at all", FleetClient.hardwareId()));
        for (ApiClient.Reply r : refused) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).isEqualTo("The enrollment code is not valid");
        }
        assertThat(admin.delete("/api/v1/enrollment-codes/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void enrolmentNeedsAHardwareId() {
        String code = fleet.code(accounts.as(owner), Map.of());
        ApiClient.Reply r = new ApiClient(port).post("/api/v1/devices/enroll", Map.of("code", code));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("hardwareId");
        assertThat(fleet.enroll(code, FleetClient.hardwareId()).status()).as("the use was not taken").isEqualTo(201);
    }

    @Test
    void identifierIsAKeyedHashAndTheRawHardwareIdIsStoredNowhere() {
        String hardwareId = "raw-android-id-" + UUID.randomUUID().toString().replace("-", "");
        FleetClient.Enrolled device = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), hardwareId);

        ApiClient.Reply view = accounts.as(owner).get("/api/v1/devices/" + device.deviceId());
        String identifier = view.json().get("identifier").asString();
        assertThat(identifier).matches("[0-9a-f]{16}").isNotEqualTo(hardwareId);
        assertThat(identifier).doesNotContain(hardwareId.substring(15, 25));

        List<String> tables = jdbc.sql("""
                select quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and has_table_privilege(c.oid, 'SELECT')
                """).query(String.class).list();
        assertThat(tables).contains("devices", "device_identifiers", "device_tokens", "audit_events");
        List<String> holding = transactions.inTenant(owner.tenantId(), () -> tables.stream()
                .filter(t -> jdbc.sql("select count(*) from " + t + " x where x::text like ?")
                        .param("%" + hardwareId + "%").query(Long.class).single() > 0)
                .toList());
        assertThat(holding).as("tables holding the raw hardware id").isEmpty();
        List<String> withIdentifier = transactions.inTenant(owner.tenantId(), () -> tables.stream()
                .filter(t -> jdbc.sql("select count(*) from " + t + " x where x::text like ?")
                        .param("%" + identifier + "%").query(Long.class).single() > 0)
                .toList());
        assertThat(withIdentifier).as("the check can find what it looks for").contains("devices");
    }

    @Test
    void theSameHardwareEnrollingAgainKeepsItsDeviceAndGetsANewToken() {
        String hardwareId = FleetClient.hardwareId();
        FleetClient.Enrolled first = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), hardwareId);
        FleetClient.Enrolled again = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), hardwareId);
        assertThat(again.deviceId()).isEqualTo(first.deviceId());
        assertThat(fleet.put(first.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(401);
        assertThat(fleet.put(again.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(204);

        // in another company the same phone is another device
        TestAccounts.Person other = accounts.owner("Other Co");
        FleetClient.Enrolled elsewhere = fleet.enrolled(fleet.code(accounts.as(other), Map.of()), hardwareId);
        assertThat(elsewhere.deviceId()).isNotEqualTo(first.deviceId());
    }

    @Test
    void deviceAndUserTokensStayOnTheirOwnSide() {
        FleetClient.Enrolled device = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), FleetClient.hardwareId());
        ApiClient asDevice = new ApiClient(port).withToken(device.token());
        assertThat(asDevice.get("/api/v1/me").status()).isEqualTo(403);
        assertThat(asDevice.get("/api/v1/devices").status()).isEqualTo(403);
        assertThat(asDevice.post("/api/v1/enrollment-codes", Map.of()).status()).isEqualTo(403);
        assertThat(asDevice.get("/api/v1/devices/" + device.deviceId()).status()).isEqualTo(403);

        assertThat(fleet.put(owner.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(403);
        assertThat(accounts.as(owner).get("/api/v1/devices/self/config").status()).isEqualTo(403);
        assertThat(fleet.put("hfd_unknown", "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsAndOwnersManageCodes() {
        TestAccounts.Person admin = accounts.member(owner, Role.ADMIN);
        assertThat(accounts.as(admin).post("/api/v1/enrollment-codes", Map.of()).status()).isEqualTo(201);
        for (Role role : List.of(Role.MANAGER, Role.VIEWER)) {
            TestAccounts.Person member = accounts.member(owner, role);
            assertThat(accounts.as(member).post("/api/v1/enrollment-codes", Map.of()).status()).isEqualTo(403);
            assertThat(accounts.as(member).get("/api/v1/enrollment-codes").status()).isEqualTo(403);
            assertThat(accounts.as(member).delete("/api/v1/enrollment-codes/" + UUID.randomUUID()).status())
                    .isEqualTo(403);
        }
    }
}
