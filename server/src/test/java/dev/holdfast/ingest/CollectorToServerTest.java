package dev.holdfast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.collector.Collector;
import dev.holdfast.collector.CollectorConfig;
import dev.holdfast.collector.HttpUrlConnectionTransport;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.HexFormat;

/**
 * The whole field-data path with real parts: a device enrols with a code, the collector core records, seals and
 * uploads over HTTP to this server, survives a dead network and a restart, and an admin's erase removes the data.
 */
class CollectorToServerTest extends WebTest {

    private static final byte[] IBEACON = HexFormat.of().parseHex("0201061aff4c0002154142434445464748494041424344454600010002f8");

    @TempDir
    Path deviceStorage;

    @Test
    void enrolRecordUploadRetryAndErase() throws Exception {
        TestAccounts.Person admin = accounts.owner("Field Ops");
        ApiClient api = accounts.as(admin);
        String code = api.post("/api/v1/enrollment-codes", Map.of()).json().get("code").asString();
        ApiClient.Reply enrolled = new ApiClient(port).post("/api/v1/devices/enroll",
                Map.of("code", code, "hardwareId", "android-" + UUID.randomUUID(), "model", "Pixel 8"));
        assertThat(enrolled.status()).isEqualTo(201);
        String token = enrolled.json().get("token").asString();
        UUID deviceId = UUID.fromString(enrolled.json().get("deviceId").asString());

        long now = System.currentTimeMillis();
        CollectorConfig offline = new CollectorConfig(deviceStorage, URI.create("http://127.0.0.1:9"), token,
                Duration.ofMinutes(15), 1 << 20, Duration.ofSeconds(30), Duration.ofHours(1));
        try (Collector collector = new Collector(offline, new HttpUrlConnectionTransport(2000), now)) {
            for (int i = 0; i < 90; i++) {
                collector.record(new GpsFix(now + i * 10_000L, 48.137 + i * 1e-5, 11.575, 5f));
                collector.record(new BleSighting(now + i * 10_000L + 500, -70 - i % 10, IBEACON, "C3:11:0A:5F:22:9B"));
                collector.record(new MotionWindow(now + i * 10_000L, 10_000, 0.3f));
            }
            Collector.Status status = collector.tick(now + Duration.ofMinutes(15).toMillis());
            assertThat(status.pendingBatches()).as("sealed, but the network is down").isOne();
            assertThat(collector.nextAttemptAt()).as("backing off").isGreaterThan(now);
        }

        // the app restarts with a working network: the same batch (same id) goes up
        CollectorConfig online = new CollectorConfig(deviceStorage, URI.create("http://localhost:" + port), token,
                Duration.ofMinutes(15), 1 << 20, Duration.ofSeconds(30), Duration.ofHours(1));
        try (Collector collector = new Collector(online, new HttpUrlConnectionTransport(5000), now)) {
            Collector.Status status = collector.tick(now + Duration.ofMinutes(16).toMillis());
            assertThat(status.pendingBatches()).isZero();
            assertThat(status.lastUploadAt()).isPositive();
        }
        Map<String, Object> stored = transactions.inTenant(admin.tenantId(), () -> jdbc.sql(
                "select gps_count, ble_count, motion_count from field_batches where device_id = ?").param(deviceId)
                .query().singleRow());
        assertThat(stored).containsEntry("gps_count", 90).containsEntry("ble_count", 90).containsEntry("motion_count", 90);
        assertThat(api.get("/api/v1/devices/" + deviceId).json().get("lastUploadAt").isNull()).isFalse();

        assertThat(api.post("/api/v1/devices/" + deviceId + "/erase", Map.of()).status()).isIn(200, 204);
        long deadline = System.currentTimeMillis() + 15_000;
        long left;
        do {
            Thread.sleep(200);
            left = transactions.inTenant(admin.tenantId(), () -> jdbc.sql(
                    "select count(*) from field_batches where device_id = ?").param(deviceId).query(Long.class).single());
        } while (left > 0 && System.currentTimeMillis() < deadline);
        assertThat(left).as("erased field data is really gone").isZero();
    }
}
