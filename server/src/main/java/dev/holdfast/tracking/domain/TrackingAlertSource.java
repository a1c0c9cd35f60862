package dev.holdfast.tracking.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.holdfast.notifications.AlertCondition;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.AlertSource;
import dev.holdfast.notifications.AlertThreshold;
import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracking alerts, with the thresholds of the company's tracking settings (null = off):
 * <ul>
 *   <li>{@code ASSET_NOT_SEEN}: an asset with a tag or tracker not seen for {@code notSeenAlertDays} (one never seen:
 *       since it was created) — "asset:&lt;id&gt;:not-seen:&lt;last seen&gt;";</li>
 *   <li>{@code ASSET_AWAY}: an asset whose own Location has a geofence, positioned outside it for
 *       {@code awayAlertHours} — "asset:&lt;id&gt;:away:&lt;since&gt;".</li>
 * </ul>
 */
@Component
class TrackingAlertSource implements AlertSource {

    private final JdbcClient jdbc;
    private final TrackingSettings settings;

    TrackingAlertSource(JdbcClient jdbc, TrackingSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.ASSET_NOT_SEEN, AlertKind.ASSET_AWAY);
    }

    @Override
    public void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out) {
        UUID tenant = TenantContext.require();
        TrackingSettings.Values values = settings.of(tenant);
        if (kind == AlertKind.ASSET_NOT_SEEN && values.notSeenAlertDays() != null) {
            notSeen(tenant, values.notSeenAlertDays(), out);
        } else if (kind == AlertKind.ASSET_AWAY && values.awayAlertHours() != null) {
            away(tenant, values.awayAlertHours(), out);
        }
    }

    private void notSeen(UUID tenant, int days, Consumer<AlertCondition> out) {
        jdbc.sql("""
                select a.id, a.name, a.asset_tag, a.last_seen_at from assets a
                where a.tenant_id = ? and coalesce(a.last_seen_at, a.created_at) < now() - make_interval(days => ?)
                  and exists (select 1 from asset_tags t where t.tenant_id = a.tenant_id and t.asset_id = a.id)
                """).params(tenant, days).query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    OffsetDateTime seen = rs.getObject(4, OffsetDateTime.class);
                    String name = rs.getString(2) + " (" + rs.getString(3) + ")";
                    out.accept(new AlertCondition(AlertKind.ASSET_NOT_SEEN,
                            "asset:" + id + ":not-seen:" + (seen == null ? "never" : seen.toInstant().toString()),
                            name + (seen == null ? " has never been seen" : " not seen since " + seen.toLocalDate()),
                            seen == null ? "The asset has a tag but no collector or tracker has reported it in "
                                    + days + " days." : "No collector or tracker has reported the asset since "
                                    + seen.toInstant() + ".", "/assets/" + id));
                });
    }

    private void away(UUID tenant, int hours, Consumer<AlertCondition> out) {
        jdbc.sql("""
                select a.id, a.name, a.asset_tag, p.since, home.name, here.name from asset_positions p
                join assets a on a.tenant_id = p.tenant_id and a.id = p.asset_id
                join locations home on home.tenant_id = a.tenant_id and home.id = a.location_id
                left join locations here on here.tenant_id = p.tenant_id and here.id = p.location_id
                where p.tenant_id = ? and home.radius_m is not null and home.latitude is not null
                  and p.location_id is distinct from a.location_id and p.since < now() - make_interval(hours => ?)
                """).params(tenant, hours).query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    OffsetDateTime since = rs.getObject(4, OffsetDateTime.class);
                    String here = rs.getString(6);
                    out.accept(new AlertCondition(AlertKind.ASSET_AWAY,
                            "asset:" + id + ":away:" + since.toInstant(),
                            rs.getString(2) + " (" + rs.getString(3) + ") is away from " + rs.getString(5),
                            "Seen " + (here == null ? "outside " + rs.getString(5) : "at " + here) + " since "
                                    + since.toInstant() + ".", "/assets/" + id));
                });
    }
}
