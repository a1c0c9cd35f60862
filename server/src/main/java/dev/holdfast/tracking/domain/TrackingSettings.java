package dev.holdfast.tracking.domain;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.notifications.AlertInputsChanged;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A company's tracking settings: automatic audit (a sighting inside the asset's own Location records a physical
 * audit by "tracking"), and the thresholds of the {@code ASSET_NOT_SEEN} (days) and {@code ASSET_AWAY} (hours) alerts —
 * null turns an alert off.
 */
@Component
public class TrackingSettings {

    public record Values(boolean autoAudit, @Nullable Integer notSeenAlertDays, @Nullable Integer awayAlertHours) {
    }

    /** Until a company changes them: no automatic audit, alerts after 7 days unseen and 24 hours away. */
    static final Values DEFAULTS = new Values(false, 7, 24);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final ApplicationEventPublisher events;
    private final Cache<UUID, Boolean> autoAudit = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000).build();

    TrackingSettings(JdbcClient jdbc, TenantTransactions transactions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    /** The company's settings (read in a transaction bound to it). */
    public Values of(UUID tenant) {
        return transactions.inTenant(tenant, () -> jdbc.sql(
                "select auto_audit, not_seen_alert_days, away_alert_hours from tracking_settings where tenant_id = ?")
                .param(tenant).query((rs, n) -> new Values(rs.getBoolean(1), (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3))).optional().orElse(DEFAULTS));
    }

    /** Whether the company audits automatically (remembered 30 s). */
    boolean autoAudit(UUID tenant) {
        return autoAudit.get(tenant, t -> of(t).autoAudit());
    }

    /** Applies a partial update {@code {autoAudit?, notSeenAlertDays?, awayAlertHours?}} to the current company. */
    public Values update(Map<String, Object> body) {
        UUID tenant = TenantContext.require();
        Values now = of(tenant);
        boolean audit = now.autoAudit();
        Integer notSeen = now.notSeenAlertDays();
        Integer away = now.awayAlertHours();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            switch (e.getKey()) {
                case "autoAudit" -> {
                    if (!(e.getValue() instanceof Boolean b)) {
                        throw ProblemException.invalid("autoAudit", "must be true or false");
                    }
                    audit = b;
                }
                case "notSeenAlertDays" -> notSeen = whole(e.getKey(), e.getValue(), 3650);
                case "awayAlertHours" -> away = whole(e.getKey(), e.getValue(), 8760);
                default -> throw ProblemException.invalid(e.getKey(), "is not a tracking setting");
            }
        }
        boolean a = audit;
        Integer ns = notSeen;
        Integer aw = away;
        transactions.inTenant(tenant, () -> {
            jdbc.sql("""
                    insert into tracking_settings (tenant_id, auto_audit, not_seen_alert_days, away_alert_hours)
                    values (?, ?, ?, ?)
                    on conflict (tenant_id) do update set auto_audit = excluded.auto_audit,
                        not_seen_alert_days = excluded.not_seen_alert_days,
                        away_alert_hours = excluded.away_alert_hours, updated_at = now()
                    """).params(tenant, a, ns, aw).update();
            events.publishEvent(new AlertInputsChanged(tenant, AlertKind.ASSET_NOT_SEEN));
            events.publishEvent(new AlertInputsChanged(tenant, AlertKind.ASSET_AWAY));
        });
        autoAudit.invalidate(tenant);
        return of(tenant);
    }

    private static @Nullable Integer whole(String field, @Nullable Object value, int max) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            if (v >= 1 && v <= max) {
                return (int) v;
            }
        }
        throw ProblemException.invalid(field, "must be a whole number from 1 to " + max + ", or null (off)");
    }
}
