package dev.holdfast.simulator;

import java.util.OptionalInt;
import java.util.Random;

/**
 * RSSI from distance by the log-distance path-loss model: {@code rssi = P1m - 10 n log10(d) + X}, with the power at
 * 1 m announced by the beacon, exponent {@code n} (2 in free space, 2.2 here for people and obstacles around) and
 * Gaussian shadowing {@code X}. Nothing is heard beyond {@link #MAX_RANGE_M} or below the receiver's sensitivity, and
 * some advertisements are simply missed.
 */
final class Radio {

    static final double MAX_RANGE_M = 30;
    static final double PATH_LOSS_EXPONENT = 2.2;
    static final double SHADOWING_DB = 4;
    static final int SENSITIVITY_DBM = -100;

    private Radio() {
    }

    /** The mean RSSI at {@code metres}, without noise. */
    static double meanRssi(int powerAt1m, double metres) {
        return powerAt1m - 10 * PATH_LOSS_EXPONENT * Math.log10(Math.max(metres, 0.25));
    }

    /** One received advertisement's RSSI, or empty when it is not received. */
    static OptionalInt rssi(int powerAt1m, double metres, Random random) {
        if (metres > MAX_RANGE_M) {
            return OptionalInt.empty();
        }
        // the farther, the likelier a scan window misses it: 5 % at 1 m, 50 % at 30 m
        if (random.nextDouble() < 0.05 + 0.45 * metres / MAX_RANGE_M) {
            return OptionalInt.empty();
        }
        double value = meanRssi(powerAt1m, metres) + random.nextGaussian() * SHADOWING_DB;
        if (value < SENSITIVITY_DBM) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.round(Math.min(value, 0)));
    }
}
