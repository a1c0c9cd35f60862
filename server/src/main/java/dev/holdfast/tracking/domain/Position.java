package dev.holdfast.tracking.domain;

import java.util.UUID;

/**
 * An asset's latest position: the fusion of the pass estimates that agree since it last moved.
 *
 * @param since  epoch ms of the first sighting at this position
 * @param seenAt epoch ms of the last sighting
 * @param weight the fused estimates' summed weight (1 / accuracy²)
 */
public record Position(UUID assetId, long since, long seenAt, double lat, double lon, double accuracyM,
        double weight, String source) {

    /** The lowest uncertainty fusion claims: GPS errors of one place are correlated and do not average away. */
    static final double MIN_ACCURACY = 3;
    /** A new estimate farther than this from the position, at least, means the asset moved. */
    static final double MIN_MOVE_M = 15;

    /** A first position from one estimate. */
    public static Position of(PassEstimate e, String source) {
        double acc = Math.max(MIN_ACCURACY, e.accuracyM());
        return new Position(e.assetId(), e.firstAt(), e.seenAt(), e.lat(), e.lon(), acc, 1 / (acc * acc), source);
    }

    /** How far an estimate must be from this position to mean the asset moved. */
    public double moveThreshold(PassEstimate e) {
        return Math.max(MIN_MOVE_M, 1.5 * (accuracyM + e.accuracyM()));
    }

    /** An estimate this uncertain (metres), and much less certain than the position, does not move it on its own. */
    static final double WEAK_ACCURACY = 12;
    /** ... unless the position is older than this (ms): then any estimate is better news. */
    static final long STALE_MS = 3_600_000;

    /** Whether the estimate disagrees with the position beyond both uncertainties. */
    public boolean disagrees(PassEstimate e) {
        return Geo.metres(lat, lon, e.lat(), e.lon()) > moveThreshold(e);
    }

    /**
     * Whether the estimate says the asset is elsewhere now: it disagrees, and it is not a weak estimate (a few far
     * sightings) contradicting a good recent position — that is an outlier more often than a move.
     */
    public boolean movedBy(PassEstimate e) {
        if (!disagrees(e)) {
            return false;
        }
        boolean weak = e.accuracyM() > WEAK_ACCURACY && e.accuracyM() > 2 * accuracyM;
        return !weak || e.seenAt() - seenAt > STALE_MS;
    }

    /**
     * This position with a new estimate: refined when they agree; replaced when a newer estimate disagrees beyond the
     * uncertainty (the asset moved); unchanged by an older estimate that disagrees.
     */
    public Position with(PassEstimate e, String source) {
        if (movedBy(e)) {
            return e.seenAt() >= seenAt ? of(e, source) : this;
        }
        if (disagrees(e)) { // an outlier: the tag was heard, the position stays
            return new Position(assetId, since, Math.max(seenAt, e.seenAt()), lat, lon, accuracyM, weight, this.source);
        }
        double acc = Math.max(MIN_ACCURACY, e.accuracyM());
        double we = 1 / (acc * acc);
        double w = weight + we;
        double newLat = (lat * weight + e.lat() * we) / w;
        double newLon = (lon * weight + e.lon() * we) / w;
        double newAcc = Math.max(MIN_ACCURACY, 1 / Math.sqrt(w));
        // cap the weight: a position seen a thousand times is not known to a millimetre, and must still follow drift
        double capped = Math.min(w, 1 / (MIN_ACCURACY * MIN_ACCURACY));
        return new Position(assetId, Math.min(since, e.firstAt()), Math.max(seenAt, e.seenAt()), newLat, newLon,
                newAcc, capped, source);
    }
}
