package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchValidator.require;

/**
 * How much the collector moved during a window.
 *
 * @param t   start of the window, epoch milliseconds
 * @param dur length of the window, milliseconds
 * @param rms RMS of acceleration minus gravity over the window, m/s²
 * @throws IllegalArgumentException if a value breaks a rule of {@link BatchValidator}
 */
public record MotionWindow(long t, int dur, float rms) {

    public MotionWindow {
        require(BatchValidator.time(t), "t");
        require(BatchValidator.duration(dur), "dur");
        require(BatchValidator.rms(rms), "rms");
    }
}
