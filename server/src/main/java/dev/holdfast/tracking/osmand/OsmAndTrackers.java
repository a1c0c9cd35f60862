package dev.holdfast.tracking.osmand;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.ingest.FieldDataRetention;
import dev.holdfast.inventory.TrackedAssets;
import dev.holdfast.platform.RateLimit;
import dev.holdfast.platform.RateLimiter;
import dev.holdfast.platform.TenantTransactions;
import dev.holdfast.tracking.domain.Correlation;
import dev.holdfast.tracking.domain.Evidence;
import dev.holdfast.tracking.domain.PassEstimate;
import dev.holdfast.tracking.domain.TrackingUpdates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Positions of OsmAnd-protocol trackers become the positions of the assets they are fixed to: the tracker id is bound to
 * an asset through its {@code osmand:<id>} tag. Each tracker may report 120 times a minute.
 */
@Component
public class OsmAndTrackers {

    /** Accuracy assumed for a report without one (a consumer GPS under open sky). */
    static final double DEFAULT_ACCURACY_M = 10;
    static final RateLimit REPORTS = new RateLimit("osmand-reports", 120, Duration.ofMinutes(1));

    /** What happened to a request. */
    public enum Outcome { RECORDED, UNKNOWN_TRACKER, AMBIGUOUS_TRACKER, TOO_MANY }

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final TrackingUpdates updates;
    private final TrackedAssets inventory;
    private final RateLimiter limiter;
    private final FieldDataRetention retention;

    OsmAndTrackers(JdbcClient jdbc, TenantTransactions transactions, TrackingUpdates updates, TrackedAssets inventory,
            RateLimiter limiter, FieldDataRetention retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.updates = updates;
        this.inventory = inventory;
        this.limiter = limiter;
        this.retention = retention;
    }

    /** Records the reports (all of one tracker); positions older than the retention or a day ahead are refused. */
    public Outcome record(List<OsmAndReport> reports, Instant now) {
        if (reports.isEmpty()) {
            return Outcome.RECORDED;
        }
        String trackerId = reports.get(0).trackerId();
        for (OsmAndReport r : reports) {
            if (r.time().isAfter(now.plus(Duration.ofDays(1)))) {
                throw new OsmAndRequestException("timestamp is more than a day ahead");
            }
            if (r.time().isBefore(now.minus(Duration.ofDays(retention.installationDays())))) {
                throw new OsmAndRequestException("timestamp is older than the field data retention");
            }
        }
        record Owner(UUID tenant, UUID asset) {
        }
        List<Owner> owners = transactions.installationWide(() -> jdbc.sql(
                "select tenant_id, asset_id from asset_tags where tag_id = ? limit 2").param("osmand:" + trackerId)
                .query((rs, n) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list());
        if (owners.isEmpty()) {
            return Outcome.UNKNOWN_TRACKER;
        }
        if (owners.size() > 1) {
            return Outcome.AMBIGUOUS_TRACKER;
        }
        if (!limiter.tryConsume(REPORTS, "tracker:" + owners.get(0).tenant() + ":" + trackerId).isZero()) {
            return Outcome.TOO_MANY;
        }
        Owner owner = owners.get(0);
        List<PassEstimate> passes = new ArrayList<>();
        Instant latest = null;
        for (OsmAndReport r : reports) {
            latest = latest == null || r.time().isAfter(latest) ? r.time() : latest;
            if (r.hasPosition()) {
                double accuracy = r.accuracyM() == null ? DEFAULT_ACCURACY_M : Math.max(1, r.accuracyM());
                long t = r.time().toEpochMilli();
                passes.add(new PassEstimate(owner.asset(), t, t, r.lat(), r.lon(), accuracy, null, null, 1));
            }
        }
        Instant seen = latest;
        transactions.inTenant(owner.tenant(), () -> {
            if (passes.isEmpty()) {
                inventory.markSeen(Map.of(owner.asset(), seen));
            } else {
                updates.apply(owner.tenant(), List.of(new Evidence(null, null, Evidence.OSMAND,
                        new Correlation(passes, List.of(), passes.size(), passes.size()))));
            }
        });
        return Outcome.RECORDED;
    }
}
