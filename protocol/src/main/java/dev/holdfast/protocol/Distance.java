package dev.holdfast.protocol;

/**
 * Distance from signal strength with the log-distance path loss model:
 * {@code d = 10 ^ ((P1m - rssi) / (10 n))}, with {@code P1m} the RSSI expected at one metre
 * ({@link Advertisement#powerAt1m()}) and {@code n} the path loss exponent. A rough estimate: walls,
 * bodies and antennas easily change it by a factor of two.
 */
public final class Distance {

    /** Indoors with people and furniture; 2 is free space. */
    public static final double PATH_LOSS_EXPONENT = 2.5;

    private Distance() {
    }

    /** Metres from an RSSI and the power at 1 m (both dBm), with n = {@value #PATH_LOSS_EXPONENT}. */
    public static double metres(int rssi, int powerAt1m) {
        return metres(rssi, powerAt1m, PATH_LOSS_EXPONENT);
    }

    /** Metres from an RSSI and the power at 1 m (both dBm) with another path loss exponent. */
    public static double metres(int rssi, int powerAt1m, double pathLossExponent) {
        if (!(pathLossExponent > 0)) {
            throw new IllegalArgumentException("the path loss exponent must be positive");
        }
        return Math.pow(10, (powerAt1m - rssi) / (10 * pathLossExponent));
    }
}
