package dev.holdfast.simulator;

import java.util.Random;

/**
 * The RMS of acceleration minus gravity a phone measures over a window, from how fast it moves: a phone lying still
 * shows sensor noise (a few hundredths of m/s²), a walking person's pocket 1–3 m/s², a car's cradle road vibration
 * of a few tenths.
 */
final class Motion {

    static final double WALKING_MAX = 3.0;

    private Motion() {
    }

    static float rms(double speed, Random random) {
        double rms;
        if (speed < 0.3) {
            rms = 0.03 + Math.abs(random.nextGaussian()) * 0.02;
        } else if (speed <= WALKING_MAX) {
            rms = 0.9 + 0.7 * speed + random.nextGaussian() * 0.15;
        } else {
            rms = 0.25 + 0.02 * speed + random.nextGaussian() * 0.05;
        }
        return (float) Math.max(0.01, Math.round(rms * 1000) / 1000.0);
    }
}
