package dev.holdfast.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import dev.holdfast.platform.TenantTransactions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the correlation is behind, installation-wide: batches waiting and the age of the oldest (the lag). Prometheus
 * gauges {@code holdfast_tracking_backlog} and {@code holdfast_tracking_lag_seconds}; shown on the devices page and the
 * operator's health page. Counted at most every 2 s (the queue's partial index makes it cheap).
 */
@Component
public class CorrelationBacklog {

    /** The queue now: batches waiting, and when the oldest of them was received (null when none waits). */
    public record Status(long waiting, @Nullable Instant oldest, Instant at) {

        public long lagSeconds() {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, at).toSeconds());
        }
    }

    private static final Duration FRESH = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final AtomicReference<@Nullable Status> last = new AtomicReference<>();

    CorrelationBacklog(JdbcClient jdbc, TenantTransactions transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        Gauge.builder("holdfast.tracking.backlog", this, b -> b.status().waiting())
                .description("uploaded batches not yet correlated").register(meters);
        Gauge.builder("holdfast.tracking.lag", this, b -> b.status().lagSeconds()).baseUnit("seconds")
                .description("age of the oldest batch not yet correlated").register(meters);
    }

    public Status status() {
        Status s = last.get();
        Instant now = Instant.now();
        if (s != null && Duration.between(s.at(), now).compareTo(FRESH) < 0) {
            return s;
        }
        Status fresh = transactions.installationWide(() -> jdbc.sql(
                "select count(*), min(received_at) from field_batches where processed_at is null")
                .query((rs, n) -> new Status(rs.getLong(1), rs.getObject(2, OffsetDateTime.class) == null ? null
                        : rs.getObject(2, OffsetDateTime.class).toInstant(), now)).single());
        last.set(fresh);
        return fresh;
    }
}
