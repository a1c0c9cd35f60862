package dev.holdfast.tracking.domain;

import java.util.List;

/**
 * Estimates an asset's position from the sightings of one pass: a centroid of the collector's positions weighted by
 * how precisely each places the tag (1 / (GPS accuracy² + distance²): a close sighting with a good fix counts most),
 * made robust to outliers (a bad fix, a reflected signal) by iteratively down-weighting sightings far from the
 * estimate (Huber weights). The uncertainty combines the estimate's own spread with the distance of the closest
 * sightings (a tag seen from a path at 5 m is somewhere about 5 m off that path).
 */
public final class PassEstimator {

    /** Distances are clamped to this range: beyond it the log-distance model says little. */
    static final double MIN_DISTANCE = 0.5;
    static final double MAX_DISTANCE = 30;
    /** Huber threshold in standard deviations. */
    private static final double HUBER = 1.5;
    private static final double MIN_ACCURACY = 2;

    private PassEstimator() {
    }

    /**
     * The estimate of a non-empty list of sightings (all of one asset, in time order).
     */
    public static PassEstimate estimate(List<Sighting> pass) {
        if (pass.isEmpty()) {
            throw new IllegalArgumentException("a pass has at least one sighting");
        }
        int n = pass.size();
        Sighting first = pass.get(0);
        double lat0 = first.lat();
        double lon0 = first.lon();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] sigma = new double[n];
        double[] base = new double[n];
        int bestRssi = Integer.MIN_VALUE;
        double minDistance = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            Sighting s = pass.get(i);
            x[i] = Geo.east(lat0, lon0, s.lon());
            y[i] = Geo.north(lat0, s.lat());
            double d = clamp(s.distanceM());
            double acc = Math.max(1, s.acc());
            sigma[i] = Math.sqrt(acc * acc + d * d);
            base[i] = 1 / (sigma[i] * sigma[i]);
            bestRssi = Math.max(bestRssi, s.rssi());
            minDistance = Math.min(minDistance, s.distanceM());
        }
        double[] w = base.clone();
        double cx = 0;
        double cy = 0;
        for (int iteration = 0; iteration < 6; iteration++) {
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                sw += w[i];
                sx += w[i] * x[i];
                sy += w[i] * y[i];
            }
            cx = sx / sw;
            cy = sy / sw;
            for (int i = 0; i < n; i++) {
                double r = Math.hypot(x[i] - cx, y[i] - cy);
                double limit = HUBER * sigma[i];
                w[i] = r <= limit ? base[i] : base[i] * limit / r;
            }
        }
        // uncertainty: the noise left in the weighted mean, plus the closest sightings' distance (the path offset)
        double sw = 0;
        double close = 0;
        double closeWeight = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            double d = clamp(pass.get(i).distanceM());
            double cw = w[i] * w[i];
            close += cw * d;
            closeWeight += cw;
        }
        double offset = close / closeWeight;
        double accuracy = Math.max(MIN_ACCURACY, Math.sqrt(1 / sw + offset * offset));
        Sighting last = pass.get(n - 1);
        return new PassEstimate(first.assetId(), first.t(), last.t(), Geo.lat(lat0, cy), Geo.lon(lat0, lon0, cx),
                accuracy, bestRssi, minDistance, n);
    }

    static double clamp(double distance) {
        return Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, distance));
    }
}
