package dev.holdfast.tracking.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.holdfast.ingest.FieldBatches;
import dev.holdfast.inventory.AssetTagsChanged;
import dev.holdfast.inventory.GeofencesChanged;
import dev.holdfast.platform.TenantTransactions;
import dev.holdfast.tracking.TrackingProperties;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Late tags and changed geofences. A tag registered to an asset after collectors saw it: the company's retained batches
 * (received before the registration) are correlated again for that tag alone, in the background, in steps of a few
 * batches per transaction (the work resumes where it stopped, on any node). A Location created, moved or resized: the
 * visits (and the Location each asset is in) are rebuilt from the stored position estimates.
 */
@Component
public class Recorrelations {

    private static final Logger log = LoggerFactory.getLogger(Recorrelations.class);
    static final int BATCHES_PER_STEP = 20;

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final FieldBatches batches;
    private final TagRegistry tags;
    private final TrackingUpdates updates;
    private final Correlator correlator;

    Recorrelations(JdbcClient jdbc, TenantTransactions transactions, FieldBatches batches, TagRegistry tags,
            TrackingUpdates updates, TrackingProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batches = batches;
        this.tags = tags;
        this.updates = updates;
        this.correlator = new Correlator(properties.pathLossExponent());
    }

    @ApplicationModuleListener
    void on(AssetTagsChanged event) {
        if (!event.added().isEmpty()) {
            request(event.tenantId(), event.added());
        }
    }

    @ApplicationModuleListener
    void on(GeofencesChanged event) {
        request(event.tenantId(), null);
    }

    private void request(UUID tenant, @Nullable List<String> added) {
        transactions.inTenant(tenant, () -> jdbc.sql(
                "insert into tracking_recorrelations (tenant_id, id, tags) values (?, ?, ?)")
                .params(tenant, UUID.randomUUID(), added == null ? null : added.toArray(String[]::new)).update());
    }

    /** Works on the pending requests until none is left or a minute has passed; answers the steps done. */
    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT10S")
    public int runPending() {
        long until = System.currentTimeMillis() + 60_000;
        int steps = 0;
        while (System.currentTimeMillis() < until && step()) {
            steps++;
        }
        return steps;
    }

    /** One step of the oldest request no other node works on; false when there is none. */
    public boolean step() {
        record Request(UUID tenant, UUID id, String @Nullable [] tags, Instant requestedAt, @Nullable Instant doneUntil) {
        }
        return Boolean.TRUE.equals(transactions.installationWide(() -> {
            Request r = jdbc.sql("""
                    select tenant_id, id, tags, requested_at, done_until from tracking_recorrelations
                    order by requested_at limit 1 for update skip locked
                    """).query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getArray(3) == null ? null : (String[]) rs.getArray(3).getArray(),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).optional().orElse(null);
            if (r == null) {
                return false;
            }
            boolean finished = transactions.rebound(r.tenant(), () -> {
                if (r.tags() == null) {
                    rebuildAll(r.tenant());
                    return true;
                }
                TagLookup only = tags.of(r.tenant()).only(Arrays.asList(r.tags()));
                List<FieldBatches.Claimed> some = batches.processed(
                        r.doneUntil() == null ? Instant.EPOCH : r.doneUntil(), r.requestedAt(), BATCHES_PER_STEP);
                List<Evidence> evidence = new ArrayList<>();
                for (FieldBatches.Claimed c : some) {
                    evidence.add(new Evidence(c.deviceId(), c.batchId(), Evidence.BLE,
                            correlator.correlate(c.batch(), c.skewMillis(), only)));
                }
                updates.apply(r.tenant(), evidence);
                if (some.size() < BATCHES_PER_STEP) {
                    return true;
                }
                jdbc.sql("update tracking_recorrelations set done_until = ? where tenant_id = ? and id = ?")
                        .params(Timestamp.from(some.get(some.size() - 1).receivedAt()), r.tenant(), r.id()).update();
                return false;
            });
            if (finished) {
                jdbc.sql("delete from tracking_recorrelations where tenant_id = ? and id = ?")
                        .params(r.tenant(), r.id()).update();
                log.info("Correlated a company's retained field data again ({})",
                        r.tags() == null ? "geofences changed" : r.tags().length + " tag(s) registered");
            }
            return true;
        }));
    }

    private void rebuildAll(UUID tenant) {
        List<UUID> assets = jdbc.sql("select distinct asset_id from asset_sightings where tenant_id = ?")
                .param(tenant).query(UUID.class).list();
        assets.forEach(asset -> updates.rebuild(tenant, asset));
    }
}
