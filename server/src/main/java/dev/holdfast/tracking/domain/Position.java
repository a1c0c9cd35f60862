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

    /** Whether the estimate says the asset is elsewhere now. */
    public boolean movedBy(PassEstimate e) {
        return Geo.metres(lat, lon, e.lat(), e.lon()) > moveThreshold(e);
    }

    /**
     * This position with a new estimate: refined when they agree; replaced when a newer estimate disagrees beyond the
     * uncertainty (the asset moved); unchanged by an older estimate that disagrees.
     */
    public Position with(PassEstimate e, String source) {
        if (movedBy(e)) {
            return e.seenAt() >= seenAt ? of(e, source) : this;
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
