package dev.holdfast.activity.usage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The request log's write-behind buffer: a bounded in-memory queue that a single background thread drains
 * every {@code holdfast.usage.flush-interval} (and once more on shutdown, after the web server has
 * stopped), writing the entries in batches — one transaction per company, so row-level security checks
 * every row. When the queue is full an entry is dropped and counted, never waited for.
 */
@Component
class RequestLogWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
    static final int BATCH = 500;
    private static final String INSERT = """
            INSERT INTO usage_requests (at, tenant_id, user_id, method, route, status, duration_ms, ip, request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final BlockingQueue<RequestRecord> queue;
    private final JdbcTemplate jdbc;
    private final UsageScope scope;
    private final UsageProperties properties;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long droppedReported;
    private @Nullable ScheduledExecutorService executor;

    RequestLogWriter(JdbcTemplate jdbc, UsageScope scope, UsageProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.requestQueueCapacity());
        FunctionCounter.builder("holdfast.usage.requests.dropped", dropped, AtomicLong::get)
                .description("Request log entries dropped because the queue was full").register(meters);
        FunctionCounter.builder("holdfast.usage.requests.failed", failed, AtomicLong::get)
                .description("Request log entries lost because their batch could not be written").register(meters);
        Gauge.builder("holdfast.usage.requests.queued", queue, BlockingQueue::size)
                .description("Request log entries waiting to be written").register(meters);
    }

    /** Queues an entry; never blocks. */
    void submit(RequestRecord record) {
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Writes everything queued so far. Called by the background thread, on shutdown, and by tests. */
    synchronized void flush() {
        List<RequestRecord> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
        long drops = dropped.get();
        if (drops > droppedReported) {
            log.warn("Request log queue full: {} entries dropped so far", drops);
            droppedReported = drops;
        }
    }

    private void write(List<RequestRecord> batch) {
        Map<Optional<UUID>, List<RequestRecord>> byCompany = new LinkedHashMap<>();
        for (RequestRecord record : batch) {
            byCompany.computeIfAbsent(Optional.ofNullable(record.tenantId()), k -> new ArrayList<>()).add(record);
        }
        byCompany.forEach((tenant, records) -> {
            try {
                scope.write(tenant.orElse(null), () -> jdbc.batchUpdate(INSERT, records, records.size(), this::bind));
            } catch (RuntimeException e) {
                failed.addAndGet(records.size());
                // the message may quote row values (addresses); the type is enough to investigate
                log.warn("Could not write {} request log entries: {}", records.size(), e.getClass().getSimpleName());
            }
        });
    }

    private void bind(PreparedStatement ps, RequestRecord r) throws SQLException {
        ps.setObject(1, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
        ps.setObject(2, r.tenantId(), Types.OTHER);
        ps.setObject(3, r.userId(), Types.OTHER);
        ps.setString(4, r.method());
        ps.setString(5, r.route());
        ps.setShort(6, (short) r.status());
        ps.setInt(7, r.durationMs());
        ps.setString(8, r.ip());
        ps.setString(9, r.requestId());
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Request log flush failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "usage-request-log");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.flushInterval().toMillis();
        started.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Stops after the web server (lower phase): the last requests are in the queue, and are written. */
    @Override
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
