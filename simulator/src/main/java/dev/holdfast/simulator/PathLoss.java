package dev.holdfast.simulator;

import java.util.OptionalInt;
import java.util.Random;

/**
 * The radio of the accuracy mode: log-distance path loss {@code rssi = P1m - 10 n log10(d) + X} with the power at 1 m
 * the advertisement announces, exponent {@code n} and Gaussian shadowing {@code X} of {@code sigmaDb}; an
 * advertisement is detected only when its RSSI is above {@code thresholdDbm}. (Demo mode's {@link Radio} is a fixed
 * model with a range cut-off; this one is set from the command line.)
 */
record PathLoss(double exponent, double sigmaDb, double thresholdDbm) {

    static final double EXPONENT = 2.5;
    static final double THRESHOLD_DBM = -95;

    PathLoss {
        if (!(exponent > 0) || !(sigmaDb >= 0)) {
            throw new IllegalArgumentException("the path-loss exponent must be above 0 and the sigma at least 0");
        }
    }

    static PathLoss withSigma(double sigmaDb) {
        return new PathLoss(EXPONENT, sigmaDb, THRESHOLD_DBM);
    }

    double meanRssi(int powerAt1m, double metres) {
        return powerAt1m - 10 * exponent * Math.log10(Math.max(metres, 0.1));
    }

    /** One advertisement's RSSI, or empty when it stays below the threshold. */
    OptionalInt rssi(int powerAt1m, double metres, Random random) {
        double value = meanRssi(powerAt1m, metres) + random.nextGaussian() * sigmaDb;
        int rounded = (int) Math.round(Math.min(value, 0));
        return rounded > thresholdDbm ? OptionalInt.of(rounded) : OptionalInt.empty();
    }

    /** Beyond this distance an advertisement of that power is heard less than once in 30,000 (4.5 sigma). */
    double rangeMetres(int powerAt1m) {
        return Math.pow(10, (powerAt1m - thresholdDbm + 4.5 * sigmaDb) / (10 * exponent));
    }
}
