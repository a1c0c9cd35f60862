package dev.holdfast.ingest.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.holdfast.fleet.Devices;
import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;
import dev.holdfast.protocol.CompactBatchCodec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Group commit: uploads, already decoded, validated and encoded by the request threads, wait in a bounded queue;
 * each writer thread takes what has gathered (up to {@code maxPerCommit}, waiting {@code linger} after the first for
 * more to join) and stores it in ONE transaction — one
 * statement inserting the idempotency receipts ({@code on conflict do nothing returning} tells which are fresh) and
 * the fresh batches, one update of the devices' last upload — and completes every upload's future only after the
 * commit. A full queue refuses the upload (the caller answers 503), never drops it.
 *
 * <p>Several companies in one transaction: the rows are grouped by company, and before each group the transaction's
 * tenant setting ({@code app.tenant_id}, what row-level security checks) is switched to that company, exactly as
 * the transaction manager sets it at the start. Rows are written in key order so that concurrent writers lock in
 * the same order. If a transaction fails, its uploads are retried one by one, so one bad row fails only itself.
 */
@Component
class BatchWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    /** One upload to store; {@code done} completes with true for a duplicate, false when stored now. */
    record Row(UUID tenantId, UUID deviceId, UUID batchId, LocalDate day, Instant received, long sentAt, long skewMs,
            Instant first, Instant last, int gpsCount, int bleCount, int motionCount, byte[] payload,
            CompletableFuture<Boolean> done) {

        Key key() {
            return new Key(tenantId, deviceId, batchId);
        }
    }

    record Key(UUID tenantId, UUID deviceId, UUID batchId) {
    }

    private static final Comparator<Row> KEY_ORDER = Comparator.comparing(Row::tenantId).thenComparing(Row::deviceId)
            .thenComparing(Row::batchId);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final Devices devices;
    private final IngestProperties properties;
    private final BlockingQueue<Row> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    BatchWriter(JdbcClient jdbc, TenantTransactions transactions, Devices devices, IngestProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.devices = devices;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.writeQueue());
    }

    /** Queues the row; false when the queue is full or the writer is stopping (nothing was queued). */
    boolean offer(Row row) {
        return running && queue.offer(row);
    }

    int queued() {
        return queue.size();
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < properties.writers(); i++) {
            Thread t = new Thread(this::loop, "ingest-writer-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /** Stops taking uploads, writes what is queued, then ends the threads. */
    @Override
    public synchronized void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(properties.commitWait().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // below the web server's phases (DEFAULT_PHASE - 1024 / - 2048): starts before it and stops after it has
        // finished its in-flight requests, so every upload that got into the queue is written before the pool closes
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void loop() {
        List<Row> rows = new ArrayList<>(properties.maxPerCommit());
        while (true) {
            Row first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (!running) {
                    return;
                }
                continue;
            }
            rows.add(first);
            queue.drainTo(rows, properties.maxPerCommit() - 1);
            boolean interrupted = linger(rows);
            try {
                write(rows);
            } catch (RuntimeException e) {
                log.error("Field data writer failed", e); // write() completes every future; this is a bug guard
            }
            rows.clear();
            if (interrupted) {
                return;
            }
        }
    }

    /**
     * Lets more uploads join the transaction: sleeps {@code linger} once (rather than waking for every upload that
     * joins, a context switch each), then takes what has gathered, up to {@code maxPerCommit}. Answers true if
     * interrupted meanwhile (the rows taken are still written).
     */
    private boolean linger(List<Row> rows) {
        int max = properties.maxPerCommit();
        long nanos = properties.linger().toNanos();
        if (rows.size() >= max || nanos <= 0) {
            return false;
        }
        boolean interrupted = false;
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        }
        queue.drainTo(rows, max - rows.size());
        return interrupted;
    }

    /** Stores the rows and completes each one's future. */
    void write(List<Row> rows) {
        rows.sort(KEY_ORDER);
        List<Row> unique = new ArrayList<>(rows.size());
        Map<Row, List<Row>> copies = new IdentityHashMap<>(); // concurrent uploads of one batch: the first is stored
        Row leader = null;
        for (Row r : rows) {
            if (leader != null && leader.key().equals(r.key())) {
                copies.computeIfAbsent(leader, k -> new ArrayList<>()).add(r);
            } else {
                unique.add(r);
                leader = r;
            }
        }
        try {
            long started = System.nanoTime();
            Set<Key> fresh = commit(unique);
            if (log.isDebugEnabled()) {
                log.debug("Committed {} upload(s) in {} µs", unique.size(), (System.nanoTime() - started) / 1000);
            }
            for (Row r : unique) {
                complete(r, !fresh.contains(r.key()), null, copies);
            }
        } catch (RuntimeException e) {
            if (unique.size() == 1) {
                complete(unique.get(0), false, e, copies);
                return;
            }
            log.warn("A group commit of {} field data uploads failed, storing them one by one: {}", unique.size(),
                    e.toString());
            for (Row r : unique) {
                try {
                    complete(r, !commit(List.of(r)).contains(r.key()), null, copies);
                } catch (RuntimeException single) {
                    complete(r, false, single, copies);
                }
            }
        }
    }

    private static void complete(Row r, boolean duplicate, @Nullable RuntimeException failure, Map<Row, List<Row>> copies) {
        List<Row> followers = copies.getOrDefault(r, List.of());
        if (failure != null) {
            r.done().completeExceptionally(failure);
            followers.forEach(f -> f.done().completeExceptionally(failure));
        } else {
            r.done().complete(duplicate);
            followers.forEach(f -> f.done().complete(true));
        }
    }

    /** One transaction for all rows (distinct keys, in key order); answers the keys stored now. */
    private Set<Key> commit(List<Row> rows) {
        TreeMap<UUID, List<Row>> byTenant = new TreeMap<>();
        for (Row r : rows) {
            byTenant.computeIfAbsent(r.tenantId(), k -> new ArrayList<>()).add(r);
        }
        UUID firstTenant = byTenant.firstKey();
        return transactions.inTenant(firstTenant, () -> {
            Set<Key> fresh = new HashSet<>();
            byTenant.forEach((tenant, group) -> TenantContext.runAs(tenant, () -> {
                if (!tenant.equals(firstTenant)) {
                    jdbc.sql("select set_config('app.tenant_id', ?, true)").param(tenant.toString())
                            .query(String.class).single();
                }
                fresh.addAll(commitTenant(tenant, group));
            }));
            return fresh;
        });
    }

    /**
     * One statement: the receipts ({@code on conflict do nothing}) and, for the receipts that went in, the batches;
     * answers the fresh keys. Then the devices' last upload, coalesced per device.
     */
    private Set<Key> commitTenant(UUID tenant, List<Row> group) {
        StringBuilder sql = new StringBuilder(256 + group.size() * 40);
        sql.append("with v (device_id, batch_id, day, received_at, sent_at, skew_ms, first_at, last_at, gps_count, ")
                .append("ble_count, motion_count, payload) as (values ");
        List<Object> params = new ArrayList<>(group.size() * 12 + 2);
        for (int i = 0; i < group.size(); i++) {
            Row r = group.get(i);
            sql.append(i == 0 ? "(?::uuid, ?::uuid, ?::date, ?::timestamptz, ?::timestamptz, ?::bigint, ?::timestamptz, "
                    + "?::timestamptz, ?::int, ?::int, ?::int, ?::bytea)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(r.deviceId());
            params.add(r.batchId());
            params.add(r.day());
            params.add(Timestamp.from(r.received()));
            params.add(Timestamp.from(Instant.ofEpochMilli(r.sentAt())));
            params.add(r.skewMs());
            params.add(Timestamp.from(r.first()));
            params.add(Timestamp.from(r.last()));
            params.add(r.gpsCount());
            params.add(r.bleCount());
            params.add(r.motionCount());
            params.add(r.payload());
        }
        sql.append("""
                ),
                fresh as (
                    insert into ingest_receipts (tenant_id, device_id, batch_id, day, received_at)
                    select ?, device_id, batch_id, day, received_at from v
                    on conflict do nothing returning device_id, batch_id),
                stored as (
                    insert into field_batches (tenant_id, day, device_id, batch_id, received_at, sent_at, skew_ms, first_at,
                        last_at, gps_count, ble_count, motion_count, format, payload)
                    select ?, v.day, v.device_id, v.batch_id, v.received_at, v.sent_at, v.skew_ms, v.first_at, v.last_at,
                        v.gps_count, v.ble_count, v.motion_count, ?, v.payload
                    from v join fresh using (device_id, batch_id))
                select device_id, batch_id from fresh""");
        params.add(tenant);
        params.add(tenant);
        params.add(CompactBatchCodec.FORMAT);
        Set<Key> fresh = new HashSet<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Key(tenant, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list());
        Map<UUID, Instant> uploads = new HashMap<>();
        for (Row r : group) {
            if (fresh.contains(r.key())) {
                uploads.merge(r.deviceId(), r.received(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        devices.markUploads(tenant, uploads);
        return fresh;
    }
}
