package dev.holdfast.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.domain.Checkouts;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What tracking tells inventory: when assets were last seen, and (with the company's automatic audit on) that an asset
 * was seen inside its own Location — a physical audit recorded by "tracking". Called inside a transaction bound to
 * the company.
 */
@Component
public class TrackedAssets {

    /** The actor automatic audits are recorded under. */
    public static final Actor TRACKING = new Actor(Actor.Kind.SYSTEM, null, "tracking");

    private final JdbcClient jdbc;
    private final Checkouts checkouts;

    TrackedAssets(JdbcClient jdbc, Checkouts checkouts) {
        this.jdbc = jdbc;
        this.checkouts = checkouts;
    }

    /** Moves each asset's last-seen time forward to the given time (never back). */
    public void markSeen(Map<UUID, Instant> lastSeen) {
        if (lastSeen.isEmpty()) {
            return;
        }
        UUID tenant = TenantContext.require();
        String[] ids = new String[lastSeen.size()];
        Long[] times = new Long[lastSeen.size()];
        int i = 0;
        for (Map.Entry<UUID, Instant> e : lastSeen.entrySet()) {
            ids[i] = e.getKey().toString();
            times[i++] = e.getValue().toEpochMilli();
        }
        jdbc.sql("""
                update assets a set last_seen_at = to_timestamp(v.seen / 1000.0)
                from unnest(cast(? as uuid[]), cast(? as bigint[])) v(id, seen)
                where a.tenant_id = ? and a.id = v.id and (a.last_seen_at is null or a.last_seen_at < to_timestamp(v.seen / 1000.0))
                """).params(ids, times, tenant).update();
    }

    /**
     * Records a physical audit by "tracking" for each asset seen inside the Location it belongs to (its
     * {@code location}), at most once a day per asset; answers how many were recorded.
     */
    public int autoAudit(Map<UUID, UUID> seenInLocation) {
        if (seenInLocation.isEmpty()) {
            return 0;
        }
        UUID tenant = TenantContext.require();
        String[] ids = seenInLocation.keySet().stream().map(UUID::toString).toArray(String[]::new);
        List<UUID> due = jdbc.sql("""
                select id, location_id from assets where tenant_id = ? and id = any(cast(? as uuid[]))
                  and location_id is not null and (last_audit_at is null or last_audit_at < now() - interval '1 day')
                """).params(tenant, ids).query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return rs.getObject(2, UUID.class).equals(seenInLocation.get(id)) ? id : null;
                }).list().stream().filter(java.util.Objects::nonNull).toList();
        try (TenantContext.Scope ignored = CurrentActor.enter(TRACKING)) {
            for (UUID id : due) {
                checkouts.audit(id, seenInLocation.get(id), "seen there by tracking");
            }
        }
        return due.size();
    }
}
