package dev.holdfast.simulator;

import java.util.Random;

import dev.holdfast.protocol.GpsFix;
import org.jspecify.annotations.Nullable;

/**
 * A phone's GPS: the true position plus an error that matches the accuracy it reports (Android's accuracy is the
 * radius of 68 % confidence, so the error per axis has σ = acc / 1.51), mostly 3–10 m outdoors with occasional bad
 * fixes, altitude with its own noise, speed and bearing when moving; some fixes go missing, and now and then the
 * receiver loses the sky for a minute or two (a building, a tunnel).
 */
final class Gps {

    private final Random random;
    private final Geo geo;
    private final double missingRate;
    private long outageUntil;

    Gps(Random random, Geo geo, double missingRate) {
        this.random = random;
        this.geo = geo;
        this.missingRate = missingRate;
    }

    /** The fix at time {@code t}, or null when there is none. */
    @Nullable GpsFix fix(long t, double east, double north, double speed, double bearing) {
        if (t < outageUntil) {
            return null;
        }
        if (missingRate > 0 && random.nextDouble() < missingRate * 0.1) {
            outageUntil = t + 60_000 + random.nextInt(60_000);
            return null;
        }
        if (random.nextDouble() < missingRate) {
            return null;
        }
        return exact(t, east, north, speed, bearing);
    }

    /** A fix that is never missing (for reference batches with fixed counts). */
    GpsFix exact(long t, double east, double north, double speed, double bearing) {
        double acc = 3 + random.nextExponential() * 3;
        if (random.nextDouble() < 0.03) {
            acc = 20 + random.nextDouble() * 40;
        }
        acc = Math.round(acc * 10) / 10.0;
        double sigma = acc / 1.51;
        double e = east + random.nextGaussian() * sigma;
        double n = north + random.nextGaussian() * sigma;
        double lat = Math.round(geo.lat(n) * 1e7) / 1e7;
        double lon = Math.round(geo.lon(e) * 1e7) / 1e7;
        Double alt = Math.round((519 + random.nextGaussian() * acc * 1.5) * 10) / 10.0;
        Float reportedSpeed = speed > 0 ? (float) (Math.round(Math.max(0, speed + random.nextGaussian() * 0.2) * 10) / 10.0)
                : Float.valueOf(0f);
        Float reportedBearing = speed > 0.5 ? (float) (Math.round(bearing * 10) / 10.0 % 360) : null;
        return new GpsFix(t, lat, lon, (float) acc, alt, reportedSpeed, reportedBearing);
    }

    /**
     * A fix with a Gaussian error of {@code sigma} metres on each axis (never missing), reporting an accuracy around
     * that sigma (within ±20 %), for runs that set the noise instead of drawing it.
     */
    GpsFix gaussian(long t, double east, double north, double speed, double bearing, double sigma) {
        double e = east + random.nextGaussian() * sigma;
        double n = north + random.nextGaussian() * sigma;
        double acc = Math.max(0.1, Math.round(sigma * (0.8 + 0.4 * random.nextDouble()) * 10) / 10.0);
        double lat = Math.round(geo.lat(n) * 1e7) / 1e7;
        double lon = Math.round(geo.lon(e) * 1e7) / 1e7;
        Double alt = Math.round((519 + random.nextGaussian() * sigma * 1.5) * 10) / 10.0;
        Float reportedSpeed = (float) (Math.round(Math.max(0, speed + (speed > 0 ? random.nextGaussian() * 0.2 : 0)) * 10)
                / 10.0);
        Float reportedBearing = speed > 0.5 ? (float) (Math.round(bearing * 10) / 10.0 % 360) : null;
        return new GpsFix(t, lat, lon, (float) acc, alt, reportedSpeed, reportedBearing);
    }
}
