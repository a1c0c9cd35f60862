package dev.holdfast.simulator;

/**
 * A local flat map around a centre: positions in metres east and north of it, converted to degrees with the
 * equirectangular approximation (good to well under a metre over the few kilometres a simulation covers).
 */
public record Geo(double lat0, double lon0) {

    static final double METRES_PER_DEGREE = 111_320;

    public Geo {
        if (!(lat0 >= -80 && lat0 <= 80) || !(lon0 >= -180 && lon0 <= 180)) {
            throw new IllegalArgumentException("the centre must be a latitude in [-80, 80] and a longitude in [-180, 180]");
        }
    }

    /** Parses {@code "48.1374,11.5755"}. */
    public static Geo parse(String latCommaLon) {
        String[] parts = latCommaLon.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("the centre must be given as LAT,LON, e.g. 48.1374,11.5755");
        }
        return new Geo(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    }

    double lat(double northMetres) {
        return lat0 + northMetres / METRES_PER_DEGREE;
    }

    double lon(double eastMetres) {
        return lon0 + eastMetres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0)));
    }

    /** Metres north of the centre. */
    double north(double lat) {
        return (lat - lat0) * METRES_PER_DEGREE;
    }

    /** Metres east of the centre. */
    double east(double lon) {
        return (lon - lon0) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
    }
}
