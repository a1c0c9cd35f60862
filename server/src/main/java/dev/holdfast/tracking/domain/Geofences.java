package dev.holdfast.tracking.domain;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.holdfast.inventory.GeofencesChanged;
import dev.holdfast.platform.TenantTransactions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A company's Locations that have a centre and a radius, held in memory for the correlation. */
@Component
public class Geofences {

    static final Duration REMEMBERED = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final Cache<UUID, List<Geofence>> companies = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
            .maximumSize(10_000).build();

    Geofences(JdbcClient jdbc, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public List<Geofence> of(UUID tenant) {
        return companies.get(tenant, t -> transactions.inTenant(t, () -> jdbc.sql("""
                select id, name, latitude, longitude, radius_m from locations
                where tenant_id = ? and latitude is not null and longitude is not null and radius_m is not null
                """).param(t).query((rs, n) -> new Geofence(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))).list()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(GeofencesChanged event) {
        companies.invalidate(event.tenantId());
    }
}
