package dev.holdfast.fleet.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.fleet.BleFilter;
import dev.holdfast.fleet.Devices;
import dev.holdfast.platform.TenantTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link Devices} on the fleet tables, each call bound to the given company. */
@Component
class JdbcDevices implements Devices {

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final FleetSettings settings;

    JdbcDevices(JdbcClient jdbc, TenantTransactions transactions, FleetSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void markUpload(UUID tenantId, UUID deviceId, Instant at) {
        transactions.inTenant(tenantId, () -> {
            jdbc.sql("""
                    update devices set last_upload_at = greatest(last_upload_at, ?)
                    where tenant_id = ? and id = ?
                    """).params(Timestamp.from(at), tenantId, deviceId).update();
        });
    }

    @Override
    public void markUploads(UUID tenantId, Map<UUID, Instant> uploads) {
        if (uploads.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(uploads.keySet());
        Collections.sort(ids); // one lock order for concurrent writers
        StringBuilder sql = new StringBuilder("""
                update devices d set last_upload_at = greatest(d.last_upload_at, v.at)
                from (values """);
        List<Object> params = new ArrayList<>(2 * ids.size() + 1);
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "(?::uuid, ?::timestamptz)" : ", (?, ?)");
            params.add(ids.get(i));
            params.add(Timestamp.from(uploads.get(ids.get(i))));
        }
        sql.append(") v(id, at) where d.tenant_id = ? and d.id = v.id");
        params.add(tenantId);
        transactions.inTenant(tenantId, () -> {
            jdbc.sql(sql.toString()).params(params).update();
        });
    }

    @Override
    public Optional<String> identifierAt(UUID tenantId, UUID deviceId, Instant at) {
        return transactions.inTenant(tenantId, () -> jdbc.sql("""
                select identifier from device_identifiers
                where tenant_id = ? and device_id = ? and valid_from <= ?
                order by valid_from desc limit 1
                """).params(tenantId, deviceId, Timestamp.from(at)).query(String.class).optional()
                // data recorded before the device enrolled (clock skew) belongs to its first identifier
                .or(() -> jdbc.sql("""
                        select identifier from device_identifiers where tenant_id = ? and device_id = ?
                        order by valid_from limit 1
                        """).params(tenantId, deviceId).query(String.class).optional()));
    }

    @Override
    public BleFilter bleFilter(UUID tenantId) {
        return transactions.inTenant(tenantId, settings::bleFilter);
    }
}
