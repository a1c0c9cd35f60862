package dev.holdfast.tracking.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import dev.holdfast.protocol.GpsFixes;
import dev.holdfast.protocol.MotionWindows;

import org.jspecify.annotations.Nullable;

/**
 * Where a collector was during one batch, and whether it was moving — used only to place what it saw. Times are server
 * time (device time plus the batch's skew). The device's own position never leaves the correlation.
 */
public final class DeviceTrack {

    /** Interpolate between the fixes around a time when both are within this. */
    static final long INTERPOLATE_WITHIN_MS = 60_000;
    /** Else take the nearest fix within this. */
    static final long NEAREST_WITHIN_MS = 120_000;
    /** A motion window with an acceleration RMS above this (m/s²) means the device was moving (walking: 1.5–3). */
    static final float MOVING_RMS = 0.6f;
    /** A reported GPS speed above this (m/s) means moving. */
    static final float MOVING_SPEED = 0.5f;

    /** The device's position at a time, with its horizontal accuracy in metres. */
    public record Point(double lat, double lon, double acc) {
    }

    private final long[] t;
    private final double[] lat;
    private final double[] lon;
    private final float[] acc;
    private final float[] speed;
    private final long[] motionFrom;
    private final long[] motionTo;
    private final float[] motionRms;

    private DeviceTrack(long[] t, double[] lat, double[] lon, float[] acc, float[] speed, long[] motionFrom,
            long[] motionTo, float[] motionRms) {
        this.t = t;
        this.lat = lat;
        this.lon = lon;
        this.acc = acc;
        this.speed = speed;
        this.motionFrom = motionFrom;
        this.motionTo = motionTo;
        this.motionRms = motionRms;
    }

    /** The track of a batch's fixes and motion windows, shifted by {@code skewMs} to server time. */
    public static DeviceTrack of(GpsFixes gps, MotionWindows motion, long skewMs) {
        Integer[] order = IntStream.range(0, gps.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(gps::t));
        int n = order.length;
        long[] t = new long[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        float[] acc = new float[n];
        float[] speed = new float[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            t[k] = gps.t(i) + skewMs;
            lat[k] = gps.lat(i);
            lon[k] = gps.lon(i);
            acc[k] = gps.acc(i);
            speed[k] = gps.speed(i);
        }
        Integer[] windows = IntStream.range(0, motion.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(windows, Comparator.comparingLong(motion::t));
        long[] from = new long[windows.length];
        long[] to = new long[windows.length];
        float[] rms = new float[windows.length];
        for (int k = 0; k < windows.length; k++) {
            int i = windows[k];
            from[k] = motion.t(i) + skewMs;
            to[k] = from[k] + motion.dur(i);
            rms[k] = motion.rms(i);
        }
        return new DeviceTrack(t, lat, lon, acc, speed, from, to, rms);
    }

    public boolean isEmpty() {
        return t.length == 0;
    }

    /**
     * The position at {@code time}: interpolated between the fixes before and after when both are within 60 s, else
     * the nearest fix within 120 s, else null (the sighting cannot be placed).
     */
    public @Nullable Point at(long time) {
        int n = t.length;
        if (n == 0) {
            return null;
        }
        int after = lowerBound(t, time); // first fix at or after time
        int before = after < n && t[after] == time ? after : after - 1;
        if (before >= 0 && after < n && before != after
                && time - t[before] <= INTERPOLATE_WITHIN_MS && t[after] - time <= INTERPOLATE_WITHIN_MS) {
            double f = (double) (time - t[before]) / (t[after] - t[before]);
            return new Point(lat[before] + f * (lat[after] - lat[before]), lon[before] + f * (lon[after] - lon[before]),
                    Math.max(acc[before], acc[after]));
        }
        int nearest = -1;
        long best = Long.MAX_VALUE;
        if (before >= 0 && time - t[before] < best) {
            nearest = before;
            best = time - t[before];
        }
        if (after < n && t[after] - time < best) {
            nearest = after;
            best = t[after] - time;
        }
        if (nearest < 0 || best > NEAREST_WITHIN_MS) {
            return null;
        }
        return new Point(lat[nearest], lon[nearest], acc[nearest]);
    }

    /**
     * Whether the device was moving at {@code time}: its motion window then (acceleration RMS), else the GPS speed of a
     * fix within 10 s; false when neither tells.
     */
    public boolean moving(long time) {
        int w = upperBound(motionFrom, time) - 1; // last window starting at or before time
        if (w >= 0 && time <= motionTo[w]) {
            return motionRms[w] > MOVING_RMS;
        }
        int after = lowerBound(t, time);
        for (int k = Math.max(0, after - 1); k <= Math.min(t.length - 1, after); k++) {
            if (Math.abs(t[k] - time) <= 10_000 && !Float.isNaN(speed[k])) {
                return speed[k] > MOVING_SPEED;
            }
        }
        return false;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
