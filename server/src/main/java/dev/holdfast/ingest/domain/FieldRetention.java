package dev.holdfast.ingest.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Per-company retention of field data. The installation keeps {@code HOLDFAST_FIELD_RETENTION} days and drops whole
 * day partitions beyond it ({@link FieldPartitions}); a company may choose to keep less — its older batches are then
 * deleted row-wise (by the primary key's (tenant, day) prefix), when the setting changes and every day after — and
 * uploads refuse observations older than it ({@link #effective}).
 */
@Service
public class FieldRetention implements dev.holdfast.ingest.FieldDataRetention {

    private static final Logger log = LoggerFactory.getLogger(FieldRetention.class);

    /** The company's setting: its own retention if it set one, and the installation's. */
    public record Settings(int retentionDays, @Nullable Integer companyRetentionDays, int installationRetentionDays) {
    }

    /** How long {@link #effective} remembers a company's retention: a change on another node applies within this. */
    static final Duration REMEMBERED = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final IngestProperties properties;
    private final Cache<UUID, Duration> effective = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
            .maximumSize(100_000).build();

    FieldRetention(JdbcClient jdbc, TenantTransactions transactions, IngestProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public Map<UUID, Integer> companiesKeepingLess() {
        Map<UUID, Integer> less = new java.util.HashMap<>();
        transactions.installationWide(() -> {
            jdbc.sql("select tenant_id, retention_days from field_data_settings where retention_days < ?")
                    .param(installationDays()).query(rs -> {
                        less.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    });
            return null;
        });
        return less;
    }

    @Override
    public int installationDays() {
        return (int) Math.max(1, properties.retention().toDays());
    }

    /**
     * How long the company keeps field data: its own retention where it keeps less than the installation, else the
     * installation's. An upload's observations older than this are refused. Remembered per company for
     * {@link #REMEMBERED} (every upload asks); a change made through this node applies at once.
     */
    public Duration effective(UUID tenant) {
        return effective.get(tenant, t -> {
            Integer own = ownDays(t);
            Duration installation = properties.retention();
            return own != null && Duration.ofDays(own).compareTo(installation) < 0 ? Duration.ofDays(own) : installation;
        });
    }

    /** The company's own retention in days, or null when it keeps the installation's. */
    private @Nullable Integer ownDays(UUID tenant) {
        return transactions.inTenant(tenant, () -> jdbc.sql(
                "select retention_days from field_data_settings where tenant_id = ?").param(tenant)
                .query(Integer.class).optional().orElse(null));
    }

    /** The current company's settings. */
    public Settings current() {
        UUID tenant = TenantContext.require();
        Integer own = ownDays(tenant);
        int installation = installationDays();
        return new Settings(own == null ? installation : Math.min(own, installation), own, installation);
    }

    /**
     * Applies {@code {retentionDays}} (1 … the installation's retention, or null for the installation's) to the
     * current company and deletes its batches older than that at once.
     */
    public Settings update(Map<String, Object> body) {
        UUID tenant = TenantContext.require();
        if (!body.containsKey("retentionDays")) {
            return current();
        }
        Object value = body.get("retentionDays");
        int installation = installationDays();
        Integer days;
        if (value == null) {
            days = null;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            if (v < 1 || v > installation) {
                throw ProblemException.invalid("retentionDays",
                        "must be between 1 and the installation's retention of " + installation + " days");
            }
            days = (int) v;
        } else {
            throw ProblemException.invalid("retentionDays", "must be a whole number of days or null");
        }
        transactions.inTenant(tenant, () -> {
            if (days == null) {
                jdbc.sql("delete from field_data_settings where tenant_id = ?").param(tenant).update();
            } else {
                jdbc.sql("""
                        insert into field_data_settings (tenant_id, retention_days) values (?, ?)
                        on conflict (tenant_id) do update set retention_days = excluded.retention_days, updated_at = now()
                        """).params(tenant, days).update();
            }
        });
        effective.invalidate(tenant);
        if (days != null) {
            purge(tenant, days);
        }
        return current();
    }

    /** Deletes the company's batches whose day is more than {@code days} days before today (UTC); answers how many. */
    public int purge(UUID tenant, int days) {
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        return transactions.inTenant(tenant, () -> jdbc.sql(
                "delete from field_batches where tenant_id = ? and day < ?").params(tenant, cutoff).update());
    }

    /** Daily, after the partition maintenance: every company that keeps less than the installation. */
    @Scheduled(cron = "0 20 0 * * *", zone = "UTC")
    public void purgeAll() {
        int installation = installationDays();
        record Own(UUID tenant, int days) {
        }
        List<Own> companies = transactions.installationWide(() -> jdbc.sql(
                "select tenant_id, retention_days from field_data_settings where retention_days < ?").param(installation)
                .query((rs, n) -> new Own(rs.getObject(1, UUID.class), rs.getInt(2))).list());
        int deleted = 0;
        for (Own c : companies) {
            deleted += purge(c.tenant(), c.days());
        }
        if (deleted > 0) {
            log.info("Deleted {} field data batch(es) beyond {} companies' own retention", deleted, companies.size());
        }
    }
}
