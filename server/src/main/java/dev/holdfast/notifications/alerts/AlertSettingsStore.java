package dev.holdfast.notifications.alerts;

import java.sql.Array;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.notifications.AlertKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code alert_settings} and {@code alert_kind_settings} of the current company (defaults where no row exists). */
@Repository
public class AlertSettingsStore {

    private final JdbcClient jdbc;

    AlertSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside a transaction bound to {@code tenant}. */
    public AlertSettings load(UUID tenant) {
        AlertSettings base = jdbc.sql("select time_zone, digest_hour from alert_settings where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> new AlertSettings(ZoneId.of(rs.getString(1)), rs.getInt(2), Map.of()))
                .optional().orElse(AlertSettings.defaults());
        Map<AlertKind, KindSettings> kinds = new EnumMap<>(AlertKind.class);
        jdbc.sql("select kind, enabled, days, percent, roles, extra_emails, delivery from alert_kind_settings"
                        + " where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> {
                    AlertKind kind;
                    try {
                        kind = AlertKind.valueOf(rs.getString(1));
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                    return new KindSettings(kind, rs.getBoolean(2), rs.getInt(3), rs.getInt(4),
                            new HashSet<>(strings(rs.getArray(5))), strings(rs.getArray(6)),
                            Delivery.valueOf(rs.getString(7)));
                })
                .list().forEach(k -> {
                    if (k != null) {
                        kinds.put(k.kind(), k);
                    }
                });
        return new AlertSettings(base.timeZone(), base.digestHour(), kinds);
    }

    /** Inside a transaction bound to {@code tenant}. */
    public void save(UUID tenant, AlertSettings settings) {
        jdbc.sql("""
                insert into alert_settings (tenant_id, time_zone, digest_hour) values (?, ?, ?)
                on conflict (tenant_id) do update set time_zone = excluded.time_zone, digest_hour = excluded.digest_hour,
                    updated_at = now()
                """).params(tenant, settings.timeZone().getId(), settings.digestHour()).update();
        for (KindSettings k : settings.kinds().values()) {
            jdbc.sql("""
                    insert into alert_kind_settings (tenant_id, kind, enabled, days, percent, roles, extra_emails, delivery)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, kind) do update set enabled = excluded.enabled, days = excluded.days,
                        percent = excluded.percent, roles = excluded.roles, extra_emails = excluded.extra_emails,
                        delivery = excluded.delivery
                    """).params(tenant, k.kind().name(), k.enabled(), k.days(), k.percent(),
                    k.roles().stream().sorted().toArray(String[]::new), k.emails().toArray(String[]::new),
                    k.delivery().name()).update();
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
