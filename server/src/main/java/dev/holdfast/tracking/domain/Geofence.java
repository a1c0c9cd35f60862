package dev.holdfast.tracking.domain;

import java.util.UUID;

/** A Location with a centre and a radius (metres). */
public record Geofence(UUID locationId, String name, double lat, double lon, double radiusM) {

    public double distance(double atLat, double atLon) {
        return Geo.metres(lat, lon, atLat, atLon);
    }

    /** The geofence among these that contains the point (the nearest centre relative to its radius), or null. */
    public static @org.jspecify.annotations.Nullable Geofence containing(java.util.List<Geofence> fences, double lat,
            double lon) {
        Geofence best = null;
        double bestRatio = Double.MAX_VALUE;
        for (Geofence f : fences) {
            double ratio = f.distance(lat, lon) / f.radiusM();
            if (ratio <= 1 && ratio < bestRatio) {
                best = f;
                bestRatio = ratio;
            }
        }
        return best;
    }
}
