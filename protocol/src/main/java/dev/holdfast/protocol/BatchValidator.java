package dev.holdfast.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The value rules of a batch. Each rule answers {@code null} when the value is fine, otherwise the reason.
 * The decoder applies them while reading (so a {@link BatchFormatException} names the first bad field in
 * document order); the observation records and the column builders apply them too, so every {@link Batch}
 * in memory is valid and encodes into a batch the server accepts.
 *
 * <p>Whether timestamps are plausible for the receiving server (not too far in the future, not beyond
 * retention) is the server's decision: {@link #checkTimeWindow} helps with it.
 */
public final class BatchValidator {

    private BatchValidator() {
    }

    static @Nullable String time(long t) {
        return t > 0 ? null : "must be a positive epoch millisecond timestamp";
    }

    static @Nullable String lat(double lat) {
        return lat >= -90 && lat <= 90 ? null : "must be between -90 and 90";
    }

    static @Nullable String lon(double lon) {
        return lon >= -180 && lon <= 180 ? null : "must be between -180 and 180";
    }

    static @Nullable String accuracy(float acc) {
        return acc >= 0 && acc < Float.POSITIVE_INFINITY ? null : "must be a finite number of metres, 0 or more";
    }

    static @Nullable String altitude(double alt) {
        return Double.isFinite(alt) ? null : "must be a finite number of metres";
    }

    static @Nullable String speed(float speed) {
        return speed >= 0 && speed < Float.POSITIVE_INFINITY ? null : "must be a finite speed in m/s, 0 or more";
    }

    static @Nullable String bearing(float bearing) {
        return bearing >= 0 && bearing < 360 ? null : "must be at least 0 and less than 360 degrees";
    }

    static @Nullable String rssi(long rssi) {
        return rssi >= -127 && rssi <= 20 ? null : "must be between -127 and 20 dBm";
    }

    /** Advertisement length in bytes (the hex text is twice as long). */
    static @Nullable String advLength(int bytes) {
        return bytes >= 2 && bytes <= 255 ? null : "must be 2 to 255 bytes (4 to 510 hex digits)";
    }

    static @Nullable String duration(long dur) {
        return dur > 0 && dur <= Integer.MAX_VALUE ? null : "must be a positive number of milliseconds";
    }

    static @Nullable String rms(float rms) {
        return rms >= 0 && rms < Float.POSITIVE_INFINITY ? null : "must be a finite number, 0 or more";
    }

    static void require(@Nullable String problem, String field) {
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
    }

    /**
     * Checks that every observation's timestamp lies within {@code [now - maxAgeMillis, now + maxFutureMillis]}.
     * {@code sentAt} is not checked: it is what the server compares with its own clock to find the device's
     * skew. To check skew-corrected times, pass {@code now} shifted by the skew.
     *
     * @throws BatchFormatException of kind {@link BatchFormatException.Kind#INVALID} naming the first
     *                              observation out of the window, e.g. {@code ble[12].t}
     */
    public static void checkTimeWindow(Batch batch, long now, long maxFutureMillis, long maxAgeMillis)
            throws BatchFormatException {
        long latest = now + maxFutureMillis;
        long earliest = now - maxAgeMillis;
        GpsFixes gps = batch.gps();
        for (int i = 0; i < gps.size(); i++) {
            checkWindow("gps", i, gps.t(i), earliest, latest, maxFutureMillis, maxAgeMillis);
        }
        BleSightings ble = batch.ble();
        for (int i = 0; i < ble.size(); i++) {
            checkWindow("ble", i, ble.t(i), earliest, latest, maxFutureMillis, maxAgeMillis);
        }
        MotionWindows motion = batch.motion();
        for (int i = 0; i < motion.size(); i++) {
            checkWindow("motion", i, motion.t(i), earliest, latest, maxFutureMillis, maxAgeMillis);
        }
    }

    private static void checkWindow(String array, int i, long t, long earliest, long latest, long maxFuture,
            long maxAge) throws BatchFormatException {
        if (t > latest) {
            throw new BatchFormatException(BatchFormatException.Kind.INVALID, array + "[" + i + "].t",
                    "is more than " + maxFuture / 1000 + " s in the future");
        }
        if (t < earliest) {
            throw new BatchFormatException(BatchFormatException.Kind.INVALID, array + "[" + i + "].t",
                    "is more than " + maxAge / 1000 + " s old");
        }
    }
}
