package dev.holdfast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import dev.holdfast.ingest.domain.FieldPartitions;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.TestDevices;
import dev.holdfast.testing.WebTest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The batch upload contract of API.md, with real uploads over HTTP into the real partitioned storage. */
class IngestApiTest extends WebTest {

    @Autowired
    FieldPartitions partitions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    UUID tenant;
    UUID device;

    @BeforeEach
    void aDeviceOfACompany() {
        tenant = accounts.owner("Field Co").tenantId();
        device = UUID.randomUUID();
    }

    @Test
    void aBatchIsAcceptedOnceAndRecognisedWhenResent() throws Exception {
        long now = System.currentTimeMillis();
        UUID id = UUID.randomUUID();
        String body = batch(id, now, now - 60_000, 48.13743, 11.57549);
        HttpResponse<String> first = upload(body.getBytes(StandardCharsets.UTF_8), false);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json.readTree(first.body()).get("status").asString()).isEqualTo("accepted");
        assertThat(json.readTree(first.body()).get("batchId").asString()).isEqualTo(id.toString());
        assertThat(json.readTree(first.body()).properties()).hasSize(2);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(first.headers().firstValue("Content-Length")).hasValue(String.valueOf(first.body().length()));
        assertThat(first.headers().firstValue("X-Request-Id")).get().asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        HttpResponse<String> again = upload(body.getBytes(StandardCharsets.UTF_8), false);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).get("status").asString()).isEqualTo("duplicate");
        assertThat(storedBatches()).isOne();
    }

    @Test
    void uploadsAreTimedByOutcomeNotByTheGenericRequestObservation() throws Exception {
        long accepted = uploads("accepted");
        long duplicate = uploads("duplicate");
        long refused = uploads("refused");
        long now = System.currentTimeMillis();
        byte[] body = batch(UUID.randomUUID(), now, now - 60_000, 48.13743, 11.57549).getBytes(StandardCharsets.UTF_8);
        assertThat(upload(body, false).statusCode()).isEqualTo(202);
        assertThat(upload(body, false).statusCode()).isEqualTo(202);
        assertThat(upload(batch(UUID.randomUUID(), now, now, 91.5, 11.0).getBytes(StandardCharsets.UTF_8), false)
                .statusCode()).isEqualTo(422);
        assertThat(uploads("accepted")).isEqualTo(accepted + 1);
        assertThat(uploads("duplicate")).isEqualTo(duplicate + 1);
        assertThat(uploads("refused")).isEqualTo(refused + 1);
        assertThat(meters.find("http.server.requests").tag("uri", "/api/v1/ingest/batches").meters()).isEmpty();
    }

    private long uploads(String outcome) {
        Timer timer = meters.find("holdfast.ingest.uploads").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void concurrentCopiesOfOneBatchAreStoredOnce() throws Exception {
        long now = System.currentTimeMillis();
        byte[] body = gzip(batch(UUID.randomUUID(), now, now - 30_000, 52.52, 13.405));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> uploads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uploads.add(() -> json.readTree(upload(body, true).body()).get("status").asString());
            }
            List<String> statuses = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(uploads)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce("accepted").filteredOn("duplicate"::equals).hasSize(7);
        } finally {
            pool.shutdown();
        }
        assertThat(storedBatches()).isOne();
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() throws Exception {
        long now = System.currentTimeMillis();
        HttpResponse<String> badLat = upload(batch(UUID.randomUUID(), now, now, 91.5, 11.0).getBytes(StandardCharsets.UTF_8), false);
        assertThat(badLat.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(badLat.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("gps[0].lat");

        assertThat(upload("{\"batchId\": ".getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(422);
        long tooOld = now - 40L * 24 * 3600 * 1000;
        assertThat(upload(batch(UUID.randomUUID(), now, tooOld, 1, 1).getBytes(StandardCharsets.UTF_8), false).statusCode())
                .as("older than the retention").isEqualTo(422);
        long tooNew = now + 30L * 3600 * 1000;
        assertThat(upload(batch(UUID.randomUUID(), now, tooNew, 1, 1).getBytes(StandardCharsets.UTF_8), false).statusCode())
                .as("more than 24 h ahead").isEqualTo(422);
        assertThat(storedBatches()).isZero();
    }

    @Test
    void aBatchLargerThanTheKeptInflateBufferIsStoredWhole() throws Exception {
        long now = System.currentTimeMillis();
        UUID id = UUID.randomUUID();
        StringBuilder ble = new StringBuilder();
        for (int i = 0; i < 4000; i++) { // about 500 KB of JSON: past the 256 KB an inflate buffer keeps
            ble.append(i == 0 ? "" : ",").append("{\"t\":").append(now - 600_000 + i * 100L)
                    .append(",\"rssi\":-").append(40 + i % 50).append(",\"adv\":\"0201061aff4c000215414243444546474849404142434445460001")
                    .append(String.format(Locale.ROOT, "%04x", i % 300)).append("c5\",\"mac\":\"C3:11:0A:5F:")
                    .append(String.format(Locale.ROOT, "%02X:%02X", i % 300 / 256, i % 256)).append("\"}");
        }
        String json = "{\"batchId\":\"" + id + "\",\"sentAt\":" + now + ",\"ble\":[" + ble + "]}";
        assertThat(json.length()).isGreaterThan(400_000);
        HttpResponse<String> r = upload(gzip(json), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(storedBatches()).isOne();
        Integer stored = transactions.inTenant(tenant, () -> jdbc.sql("select ble_count from field_batches where batch_id = ?")
                .param(id).query(Integer.class).single());
        assertThat(stored).isEqualTo(4000);
        // and the next, ordinary batch goes through the kept buffer again
        assertThat(upload(gzip(batch(UUID.randomUUID(), now, now - 60_000, 1, 1)), true).statusCode()).isEqualTo(202);
        assertThat(storedBatches()).isEqualTo(2L);
    }

    @Test
    void aGzipBombIsRefusedAt413() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("{\"batchId\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) { // 64 MiB inflated, about 64 KiB on the wire
                gz.write(spaces);
            }
        }
        assertThat(out.size()).isLessThan(200_000);
        HttpResponse<String> r = upload(out.toByteArray(), true);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(storedBatches()).isZero();
    }

    @Test
    void theDeviceClockIsCorrectedBySkew() throws Exception {
        long now = System.currentTimeMillis();
        long twoHours = 2 * 3600 * 1000L;
        // the device's clock is two hours slow: it says it sent now-2h, and observed 5 minutes before that
        upload(batch(UUID.randomUUID(), now - twoHours, now - twoHours - 300_000, 48.1, 11.5).getBytes(StandardCharsets.UTF_8), false);
        long firstAt = TenantContext.callAs(tenant, () -> transactions.inTenant(tenant, () -> jdbc.sql(
                "select (extract(epoch from first_at) * 1000)::bigint from field_batches where device_id = ?")
                .param(device).query(Long.class).single()));
        assertThat(firstAt).isBetween(now - 300_000 - 10_000, now - 300_000 + 10_000);
    }

    @Test
    void onlyDevicesUploadAndCompaniesSeeOnlyTheirOwnBatches() throws Exception {
        long now = System.currentTimeMillis();
        byte[] body = batch(UUID.randomUUID(), now, now, 1, 1).getBytes(StandardCharsets.UTF_8);
        TestAccounts.Person person = accounts.owner("People upload nothing");
        HttpResponse<String> asUser = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/batches"))
                .header("Authorization", "Bearer " + person.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asUser.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/batches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        upload(body, false);
        long seenByOther = transactions.inTenant(person.tenantId(), () -> jdbc.sql(
                "select count(*) from field_batches where device_id = ?").param(device).query(Long.class).single());
        assertThat(seenByOther).isZero();
        assertThat(storedBatches()).isOne();
    }

    @Test
    void retentionDropsWholeDaysOfFieldData() throws Exception {
        long now = System.currentTimeMillis();
        long oldDay = now - 29L * 24 * 3600 * 1000;
        upload(batch(UUID.randomUUID(), now, oldDay, 1, 1).getBytes(StandardCharsets.UTF_8), false);
        assertThat(storedBatches()).isOne();
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(28);
        assertThat(partitions.dropOlderThan(cutoff)).isPositive();
        assertThat(storedBatches()).as("the rows are really gone").isZero();
        partitions.maintain();
    }

    @Test
    void retentionFinishesADetachThatWasInterruptedAndDropsATableLeftDetached() throws Exception {
        LocalDate newer = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        LocalDate older = newer.minusDays(1);
        LocalDate orphan = newer.minusDays(2);
        for (LocalDate day : List.of(newer, older, orphan)) {
            partitions.ensure(day);
        }
        String newerTable = table(newer);
        String olderTable = table(older);
        String orphanTable = table(orphan);
        try (Connection reader = ownerDataSource.getConnection(); Statement read = reader.createStatement()) {
            // a table detached by a run that stopped before its drop
            read.execute("alter table field_batches detach partition " + orphanTable);
            // a reader older than the detach: the job waits for it only so long, leaves that partition "detach
            // pending" and the next ones for the next run (PostgreSQL allows one pending detach per table)
            reader.setAutoCommit(false);
            read.execute("select count(*) from field_batches");
            assertThat(partitions.dropOlderThan(newer.plusDays(1), Duration.ofMillis(300))).isOne();
            reader.commit();
            assertThat(count(read, "select count(*) from pg_class where relname = '" + orphanTable + "'")).isZero();
            assertThat(count(read, "select count(*) from pg_inherits where inhrelid = '" + olderTable
                    + "'::regclass and inhdetachpending")).isOne();
            assertThat(count(read, "select count(*) from pg_inherits where inhrelid = '" + newerTable
                    + "'::regclass and not inhdetachpending")).isOne();
        }

        assertThat(partitions.dropOlderThan(newer.plusDays(1))).isGreaterThanOrEqualTo(2);
        try (Connection owner = ownerDataSource.getConnection(); Statement st = owner.createStatement()) {
            assertThat(count(st, "select count(*) from pg_class where relname in ('" + olderTable + "', '"
                    + newerTable + "')")).isZero();
        }
    }

    private static String table(LocalDate day) {
        return "field_batches_" + day.toString().replace("-", "");
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long storedBatches() {
        return transactions.inTenant(tenant, () -> jdbc.sql("select count(*) from field_batches where device_id = ?")
                .param(device).query(Long.class).single());
    }

    private HttpResponse<String> upload(byte[] body, boolean gzipped) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/batches"))
                .header("Authorization", "Bearer " + TestDevices.token(tenant, device))
                .header("Content-Type", "application/json");
        if (gzipped) {
            b.header("Content-Encoding", "gzip");
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A batch in the shape of API.md: one GPS fix, one iBeacon sighting (a real scan record), one motion window. */
    private static String batch(UUID id, long sentAt, long t, double lat, double lon) {
        return String.format(Locale.ROOT, """
                {"batchId": "%s", "sentAt": %d,
                 "gps": [{"t": %d, "lat": %.5f, "lon": %.5f, "acc": 6.5, "alt": 519.0, "speed": 1.3, "bearing": 88.0}],
                 "ble": [{"t": %d, "rssi": -71, "adv": "0201061aff4c0002154142434445464748494041424344454600010002f8",
                          "mac": "C3:11:0A:5F:22:9B"}],
                 "motion": [{"t": %d, "dur": 10000, "rms": 0.42}]}
                """, id, sentAt, t, lat, lon, t + 2500, t);
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
