package dev.holdfast.simulator;

/**
 * A location of the accuracy scenario: a circular geofence, in metres east and north of the centre, as it is
 * registered with the server ({@code POST /api/v1/locations {name, latitude, longitude, radiusM}}).
 */
record Site(String name, double east, double north, double radiusM) {

    boolean contains(double e, double n) {
        return Math.hypot(e - east, n - north) <= radiusM;
    }

    double distanceTo(double e, double n) {
        return Math.hypot(e - east, n - north);
    }
}
