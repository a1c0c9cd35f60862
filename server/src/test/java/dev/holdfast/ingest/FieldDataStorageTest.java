package dev.holdfast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import dev.holdfast.accounts.Role;
import dev.holdfast.ingest.domain.FieldPartitions;
import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BleSightings;
import dev.holdfast.protocol.CompactBatchCodec;
import dev.holdfast.protocol.GpsFixes;
import dev.holdfast.protocol.MotionWindows;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.TestDevices;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Field data storage behind the upload: the compact format on disk, the tracking module's claim queue (both storage
 * formats, concurrent claimers), group commit across companies with duplicates, and per-company retention.
 */
class FieldDataStorageTest extends WebTest {

    private static final BatchCodec JSON = new BatchCodec();

    @Autowired
    FieldBatches fieldBatches;
    @Autowired
    FieldPartitions partitions;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void uploadsAreStoredCompactlyAndClaimedBackValueForValue() throws Exception {
        UUID tenant = accounts.owner("Compact Co").tenantId();
        UUID device = UUID.randomUUID();
        long now = System.currentTimeMillis();
        Batch batch = reference(now, now - 20 * 60_000);
        assertThat(upload(tenant, device, JSON.encode(batch)).statusCode()).isEqualTo(202);

        Map<String, Object> row = transactions.inTenant(tenant, () -> jdbc.sql("""
                select format, octet_length(payload) as bytes, gps_count + ble_count + motion_count as observations
                from field_batches where device_id = ?""").param(device).query().singleRow());
        assertThat(((Number) row.get("format")).intValue()).isEqualTo(CompactBatchCodec.FORMAT);
        double perObservation = ((Number) row.get("bytes")).doubleValue() / ((Number) row.get("observations")).intValue();
        assertThat(perObservation).as("payload bytes per observation").isLessThan(10); // a 30-observation batch; the reference batch of 1,080 needs about 5 (CompactBatchCodecTest)
// a 30-observation batch; the reference batch of 1,080 needs about 6 (CompactBatchCodecTest)

        List<FieldBatches.Claimed> claimed = transactions.inTenant(tenant, () -> fieldBatches.claim(10));
        assertThat(claimed).hasSize(1);
        FieldBatches.Claimed c = claimed.get(0);
        assertThat(c.batch()).as("every value at the protocol's precision").isEqualTo(batch);
        assertThat(c.tenantId()).isEqualTo(tenant);
        assertThat(c.deviceId()).isEqualTo(device);
        assertThat(Math.abs(c.skewMillis())).isLessThan(5_000);

        transactions.inTenant(tenant, () -> fieldBatches.markProcessed(claimed));
        assertThat(transactions.inTenant(tenant, () -> fieldBatches.claim(10))).as("processed: out of the queue").isEmpty();
    }

    @Test
    void rowsStoredInTheOtherFormatsAreReadToo() throws Exception {
        UUID tenant = accounts.owner("Old Rows Co").tenantId();
        UUID device = UUID.randomUUID();
        long now = System.currentTimeMillis();
        Batch gzipped = reference(now, now - 60_000); // format 0, before V310: the gzip of the JSON
        Batch plain = reference(now, now - 61_000); // format 2: the columns not deflated
        LocalDate day = Instant.ofEpochMilli(now - 60_000).atOffset(ZoneOffset.UTC).toLocalDate();
        partitions.ensure(day);
        Timestamp at = Timestamp.from(Instant.ofEpochMilli(now));
        for (Object[] old : List.of(new Object[] {gzipped, 0, gzip(JSON.encode(gzipped))}, new Object[] {plain,
                CompactBatchCodec.PLAIN, new CompactBatchCodec().encode(plain, CompactBatchCodec.PLAIN)})) {
            Batch batch = (Batch) old[0];
            transactions.inTenant(tenant, () -> jdbc.sql("""
                    insert into field_batches (tenant_id, day, device_id, batch_id, received_at, sent_at, skew_ms, first_at,
                        last_at, gps_count, ble_count, motion_count, format, payload)
                    values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)""").params(tenant, day, device, batch.batchId(), at, at,
                    at, at, batch.gps().size(), batch.ble().size(), batch.motion().size(), old[1], old[2]).update());
        }

        List<FieldBatches.Claimed> claimed = transactions.inTenant(tenant, () -> fieldBatches.claim(10));
        assertThat(claimed).extracting(FieldBatches.Claimed::batch).containsExactlyInAnyOrder(gzipped, plain);
    }

    @Test
    void twoClaimersNeverGetTheSameBatch() throws Exception {
        UUID tenant = accounts.owner("Queue Co").tenantId();
        UUID device = UUID.randomUUID();
        long now = System.currentTimeMillis();
        Set<UUID> uploaded = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Batch b = reference(now, now - 60_000 - i);
            uploaded.add(b.batchId());
            assertThat(upload(tenant, device, JSON.encode(b)).statusCode()).isEqualTo(202);
        }
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> first = pool.submit(() -> transactions.inTenant(tenant, () -> {
                List<UUID> mine = ids(fieldBatches.claim(3));
                firstHolds.countDown();
                await(secondDone); // keep the locks while the other one claims
                return mine;
            }));
            assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
            Future<List<UUID>> second = pool.submit(() -> transactions.inTenant(tenant, () -> {
                try {
                    return ids(fieldBatches.claim(10));
                } finally {
                    secondDone.countDown();
                }
            }));
            List<UUID> a = first.get(30, TimeUnit.SECONDS);
            List<UUID> b = second.get(30, TimeUnit.SECONDS);
            assertThat(a).hasSize(3);
            assertThat(b).hasSize(3).doesNotContainAnyElementsOf(a);
            Set<UUID> both = new HashSet<>(a);
            both.addAll(b);
            assertThat(both).isEqualTo(uploaded);
        } finally {
            pool.shutdownNow();
        }

        // the tracking worker claims installation-wide: it may lock and mark every company's rows
        List<FieldBatches.Claimed> mine = transactions.installationWide(() -> {
            List<FieldBatches.Claimed> all = fieldBatches.claim(1_000_000);
            List<FieldBatches.Claimed> ours = all.stream().filter(c -> c.tenantId().equals(tenant)).toList();
            fieldBatches.markProcessed(ours);
            return ours;
        });
        assertThat(ids(mine)).containsExactlyInAnyOrderElementsOf(uploaded);
        assertThat(transactions.inTenant(tenant, () -> fieldBatches.claim(10))).isEmpty();
    }

    @Test
    void concurrentUploadsOfSeveralCompaniesAreEachStoredOnce() throws Exception {
        List<UUID> tenants = List.of(accounts.owner("Group A").tenantId(), accounts.owner("Group B").tenantId(),
                accounts.owner("Group C").tenantId());
        UUID device = UUID.randomUUID();
        long now = System.currentTimeMillis();
        List<Callable<String>> uploads = new ArrayList<>();
        for (UUID tenant : tenants) {
            for (int i = 0; i < 10; i++) {
                byte[] body = JSON.encode(reference(now, now - 120_000 - i));
                for (int copy = 0; copy < 2; copy++) {
                    uploads.add(() -> {
                        HttpResponse<String> r = upload(tenant, device, body);
                        return r.statusCode() + (r.body().contains("duplicate") ? " duplicate" : " accepted");
                    });
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<String> statuses = new ArrayList<>();
        try {
            for (Future<String> f : pool.invokeAll(uploads)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).filteredOn("202 accepted"::equals).hasSize(30);
        assertThat(statuses).filteredOn("202 duplicate"::equals).hasSize(30);
        for (UUID tenant : tenants) {
            assertThat(transactions.inTenant(tenant, () -> jdbc.sql(
                    "select count(*) from field_batches where tenant_id = ? and device_id = ?").params(tenant, device)
                    .query(Long.class).single())).isEqualTo(10);
        }
    }

    @Test
    void aCompanyKeepsItsFieldDataShorterThanTheInstallation() throws Exception {
        TestAccounts.Person owner = accounts.owner("Short Memory Co");
        UUID tenant = owner.tenantId();
        UUID device = UUID.randomUUID();
        long now = System.currentTimeMillis();
        Batch old = reference(now, now - 10L * 24 * 3600 * 1000);
        Batch recent = reference(now, now - 3600 * 1000);
        assertThat(upload(tenant, device, JSON.encode(old)).statusCode()).isEqualTo(202);
        assertThat(upload(tenant, device, JSON.encode(recent)).statusCode()).isEqualTo(202);

        ApiClient api = accounts.as(owner);
        ApiClient.Reply settings = api.get("/api/v1/field-data-settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().get("retentionDays").asInt()).isEqualTo(30);
        assertThat(settings.json().get("installationRetentionDays").asInt()).isEqualTo(30);

        ApiClient.Reply tooLong = api.patch("/api/v1/field-data-settings", Map.of("retentionDays", 31));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("retentionDays");
        assertThat(api.patch("/api/v1/field-data-settings", Map.of("retentionDays", "five")).status()).isEqualTo(422);
        ApiClient manager = accounts.as(accounts.member(owner, Role.MANAGER));
        assertThat(manager.get("/api/v1/field-data-settings").status()).isEqualTo(403);
        assertThat(manager.patch("/api/v1/field-data-settings", Map.of("retentionDays", 5)).status()).isEqualTo(403);
        assertThat(storedIds(tenant)).containsExactlyInAnyOrder(old.batchId(), recent.batchId());

        ApiClient.Reply shorter = api.patch("/api/v1/field-data-settings", Map.of("retentionDays", 5));
        assertThat(shorter.status()).isEqualTo(200);
        assertThat(shorter.json().get("retentionDays").asInt()).isEqualTo(5);
        assertThat(storedIds(tenant)).as("the 10-day-old batch is really gone").containsExactly(recent.batchId());
        assertThat(api.get("/api/v1/field-data-settings").json().get("companyRetentionDays").asInt()).isEqualTo(5);
        Batch sixDaysOld = reference(now, now - 6L * 24 * 3600 * 1000);
        HttpResponse<String> refused = upload(tenant, device, JSON.encode(sixDaysOld));
        assertThat(refused.statusCode()).as("older than the company's own retention").isEqualTo(422);
        assertThat(refused.body()).contains("gps[0].t").contains("is more than 432000 s old");
        Batch fourDaysOld = reference(now, now - 4L * 24 * 3600 * 1000);
        assertThat(upload(tenant, device, JSON.encode(fourDaysOld)).statusCode()).isEqualTo(202);
        assertThat(storedIds(tenant)).containsExactlyInAnyOrder(recent.batchId(), fourDaysOld.batchId());

        java.util.HashMap<String, Object> reset = new java.util.HashMap<>();
        reset.put("retentionDays", null);
        ApiClient.Reply back = api.patch("/api/v1/field-data-settings", reset);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("retentionDays").asInt()).isEqualTo(30);
        assertThat(back.json().get("companyRetentionDays").isNull()).isTrue();
        assertThat(upload(tenant, device, JSON.encode(sixDaysOld)).statusCode())
                .as("back to the installation's 30 days: the same batch is taken").isEqualTo(202);
    }

    private Set<UUID> storedIds(UUID tenant) {
        return new HashSet<>(transactions.inTenant(tenant, () -> jdbc.sql(
                "select batch_id from field_batches where tenant_id = ?").param(tenant).query(UUID.class).list()));
    }

    private static List<UUID> ids(List<FieldBatches.Claimed> claimed) {
        return claimed.stream().map(FieldBatches.Claimed::batchId).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> upload(UUID tenant, UUID device, byte[] json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/batches"))
                .header("Authorization", "Bearer " + TestDevices.token(tenant, device))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A small batch at the protocol's storage precision: 5 fixes, 20 sightings of 3 beacons (one without MAC), 5 windows. */
    private static Batch reference(long sentAt, long start) {
        GpsFixes.Builder gps = GpsFixes.builder();
        for (int i = 0; i < 5; i++) {
            gps.add(start + i * 10_000L, (481_374_321 + i * 100) / 1e7, (115_754_321 - i * 100) / 1e7, 4.5f + i, i == 2 ? Double.NaN : 519.25,
                    1.25f, i == 3 ? Float.NaN : 88.5f);
        }
        BleSightings.Builder ble = BleSightings.builder();
        byte[][] advs = {java.util.HexFormat.of().parseHex("0201061aff4c0002154142434445464748494041424344454600010002f8"),
                java.util.HexFormat.of().parseHex("0201061aff4c0002154142434445464748494041424344454600020002f8"),
                java.util.HexFormat.of().parseHex("02011a0303aafe1516aafe00e812345678901234567890abcdef012345")};
        for (int i = 0; i < 20; i++) {
            ble.add(start + 500 + i * 1000L, -60 - i, advs[i % 3], i % 3 == 2 ? null : "C3:11:0A:5F:22:9" + (i % 3));
        }
        MotionWindows.Builder motion = MotionWindows.builder();
        for (int i = 0; i < 5; i++) {
            motion.add(start + i * 10_000L, 10_000, 0.125f * i);
        }
        return new Batch(UUID.randomUUID(), sentAt, gps.build(), ble.build(), motion.build());
    }

    private static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
