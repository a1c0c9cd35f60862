package dev.holdfast.fleet.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.holdfast.fleet.FleetProperties;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Devices' health reports: only the latest per device is kept (upsert). Read installation-wide by the operator's
 * health page; nothing of it is shown to companies.
 */
@Service
public class Telemetry {

    /** One device's health as the operator sees it (no identifier, no location). */
    public record Health(UUID tenantId, String company, UUID deviceId, @Nullable String model, Instant enrolledAt,
            boolean revoked, @Nullable Instant lastUploadAt, @Nullable Instant reportedAt, @Nullable String appVersion,
            @Nullable String osVersion, @Nullable Integer batteryPct, @Nullable Integer pendingBatches,
            @Nullable Instant reportedLastUploadAt, String permissions, @Nullable String lastError,
            @Nullable Instant lastContact, boolean silent) {
    }

    public record Summary(long devices, long active, long silent) {
    }

    /** Keyset position on the health page: (company, device). */
    public record After(UUID tenantId, UUID deviceId) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantTransactions transactions;
    private final FleetProperties properties;

    Telemetry(JdbcClient jdbc, JsonMapper json, TenantTransactions transactions, FleetProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Replaces the device's report (current tenant). */
    @Transactional
    public void save(UUID deviceId, TelemetryReport report) {
        jdbc.sql("""
                insert into device_telemetry (tenant_id, device_id, reported_at, app_version, os_version, battery_pct,
                                              pending_batches, last_upload_at, permissions, last_error)
                values (?, ?, now(), ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                on conflict (tenant_id, device_id) do update set reported_at = excluded.reported_at,
                    app_version = excluded.app_version, os_version = excluded.os_version,
                    battery_pct = excluded.battery_pct, pending_batches = excluded.pending_batches,
                    last_upload_at = excluded.last_upload_at, permissions = excluded.permissions,
                    last_error = excluded.last_error
                """).params(TenantContext.require(), deviceId, report.appVersion(), report.osVersion(),
                        report.batteryPct(), report.pendingBatches(),
                        report.lastUploadAt() == null ? null : Timestamp.from(report.lastUploadAt()),
                        json.writeValueAsString(report.permissions()), report.lastError())
                .update();
    }

    /**
     * Every company's devices (or one company's, when {@code company} is given) with their latest report, by company
     * then device; {@code silentOnly} keeps the active devices not heard from within the silence threshold.
     */
    public List<Health> installation(@Nullable UUID company, boolean silentOnly, @Nullable After after, int size) {
        String sql = """
                select d.tenant_id, c.name as company, d.id, d.model, d.enrolled_at, d.revoked_at is not null as revoked,
                       d.last_upload_at, t.reported_at, t.app_version, t.os_version, t.battery_pct, t.pending_batches,
                       t.last_upload_at as reported_last_upload_at, coalesce(t.permissions::text, '{}') as permissions,
                       t.last_error, greatest(t.reported_at, d.last_upload_at) as last_contact,
                       (d.revoked_at is null and coalesce(greatest(t.reported_at, d.last_upload_at), '-infinity')
                            < now() - make_interval(secs => :silentSeconds)) as silent
                from devices d
                join companies c on c.id = d.tenant_id
                left join device_telemetry t on t.tenant_id = d.tenant_id and t.device_id = d.id
                where true
                """ + (company == null ? "" : " and d.tenant_id = :company")
                + (after == null ? "" : " and (d.tenant_id, d.id) > (:afterTenant, :afterDevice)")
                + (silentOnly ? " and d.revoked_at is null and coalesce(greatest(t.reported_at, d.last_upload_at), "
                        + "'-infinity') < now() - make_interval(secs => :silentSeconds)" : "")
                + " order by d.tenant_id, d.id limit :size";
        return transactions.installationWide(() -> {
            var query = jdbc.sql(sql).param("silentSeconds", properties.silentAfter().toSeconds()).param("size", size);
            if (company != null) {
                query = query.param("company", company);
            }
            if (after != null) {
                query = query.param("afterTenant", after.tenantId()).param("afterDevice", after.deviceId());
            }
            return query.query(Telemetry::health).list();
        });
    }

    public Summary summary() {
        return transactions.installationWide(() -> jdbc.sql("""
                select count(*), count(*) filter (where d.revoked_at is null),
                       count(*) filter (where d.revoked_at is null
                           and coalesce(greatest(t.reported_at, d.last_upload_at), '-infinity')
                               < now() - make_interval(secs => ?))
                from devices d left join device_telemetry t on t.tenant_id = d.tenant_id and t.device_id = d.id
                """).param(properties.silentAfter().toSeconds())
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single());
    }

    private static Health health(ResultSet rs, int n) throws SQLException {
        return new Health(rs.getObject("tenant_id", UUID.class), rs.getString("company"), rs.getObject("id", UUID.class),
                rs.getString("model"), rs.getTimestamp("enrolled_at").toInstant(), rs.getBoolean("revoked"),
                instant(rs, "last_upload_at"), instant(rs, "reported_at"), rs.getString("app_version"),
                rs.getString("os_version"), (Integer) rs.getObject("battery_pct", Integer.class),
                (Integer) rs.getObject("pending_batches", Integer.class), instant(rs, "reported_last_upload_at"),
                rs.getString("permissions"), rs.getString("last_error"), instant(rs, "last_contact"),
                rs.getBoolean("silent"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
