package dev.holdfast.tracking.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.ingest.FieldDataRetention;
import dev.holdfast.platform.DayPartitions;
import dev.holdfast.platform.TenantTransactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What tracking derived from field data is kept exactly as long as the field data: day partitions of pass estimates
 * and handlings older than the installation's retention are dropped whole; a company keeping less loses its older rows
 * row-wise; visits that ended before, and positions last seen before, the company's retention go (a position is rebuilt
 * from the estimates that remain, if any).
 */
@Component
public class TrackingRetention {

    private static final Logger log = LoggerFactory.getLogger(TrackingRetention.class);
    private static final List<String> TABLES = List.of(TrackingStore.SIGHTINGS, TrackingStore.HANDLING);

    private final DayPartitions partitions;
    private final FieldDataRetention retention;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final TrackingUpdates updates;

    TrackingRetention(DayPartitions partitions, FieldDataRetention retention, TenantTransactions transactions,
            JdbcClient jdbc, TrackingUpdates updates) {
        this.partitions = partitions;
        this.retention = retention;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.updates = updates;
    }

    /**
     * Every day of the retention window and two ahead get their partitions at start and every night, before the
     * correlation writes into them: a partition created while a transaction writes into the table would wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        ensureWindow(LocalDate.now(ZoneOffset.UTC), retention.installationDays());
    }

    private void ensureWindow(LocalDate today, int days) {
        for (String table : TABLES) {
            for (LocalDate d = today.minusDays(days); !d.isAfter(today.plusDays(2)); d = d.plusDays(1)) {
                partitions.ensure(table, d);
            }
        }
    }

    @Scheduled(cron = "0 25 0 * * *", zone = "UTC")
    public void run() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int days = retention.installationDays();
        int dropped = 0;
        ensureWindow(today, days);
        for (String table : TABLES) {
            dropped += partitions.dropOlderThan(table, today.minusDays(days), Duration.ofMinutes(1));
        }
        Map<UUID, Integer> less = retention.companiesKeepingLess();
        List<UUID> tenants = transactions.installationWide(() -> jdbc.sql(
                "select distinct tenant_id from asset_positions").query(UUID.class).list());
        int rebuilt = 0;
        for (UUID tenant : tenants) {
            rebuilt += purge(tenant, less.getOrDefault(tenant, days));
        }
        for (Map.Entry<UUID, Integer> e : less.entrySet()) {
            if (!tenants.contains(e.getKey())) {
                purge(e.getKey(), e.getValue());
            }
        }
        if (dropped > 0 || rebuilt > 0) {
            log.info("Tracking retention: dropped {} day partition(s), rebuilt {} asset position(s)", dropped, rebuilt);
        }
    }

    /** Deletes the company's tracking rows older than {@code days}; answers how many positions were rebuilt. */
    public int purge(UUID tenant, int days) {
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        return transactions.inTenant(tenant, () -> {
            jdbc.sql("delete from asset_sightings where tenant_id = ? and day < ?").params(tenant, cutoff).update();
            jdbc.sql("delete from asset_handling where tenant_id = ? and day < ?").params(tenant, cutoff).update();
            jdbc.sql("delete from asset_visits where tenant_id = ? and last_seen_at < ?")
                    .params(tenant, cutoff.atStartOfDay().atOffset(ZoneOffset.UTC)).update();
            List<UUID> stale = jdbc.sql("select asset_id from asset_positions where tenant_id = ? and seen_at < ?")
                    .params(tenant, cutoff.atStartOfDay().atOffset(ZoneOffset.UTC)).query(UUID.class).list();
            stale.forEach(asset -> updates.rebuild(tenant, asset));
            return stale.size();
        });
    }
}
