package dev.holdfast.tracking.domain;

/**
 * Distances and offsets on the scale of a site (up to a few kilometres), on a local equirectangular projection: exact
 * to well under a metre there, and cheap.
 */
public final class Geo {

    /** Metres per degree of latitude. */
    static final double METRES_PER_DEGREE = 111_320;

    private Geo() {
    }

    /** Metres between two points. */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * METRES_PER_DEGREE;
        double dx = (lon2 - lon1) * METRES_PER_DEGREE * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Metres east of {@code lon0} at latitude {@code lat0}. */
    static double east(double lat0, double lon0, double lon) {
        return (lon - lon0) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
    }

    /** Metres north of {@code lat0}. */
    static double north(double lat0, double lat) {
        return (lat - lat0) * METRES_PER_DEGREE;
    }

    static double lat(double lat0, double north) {
        return lat0 + north / METRES_PER_DEGREE;
    }

    static double lon(double lat0, double lon0, double east) {
        return lon0 + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0)));
    }
}
