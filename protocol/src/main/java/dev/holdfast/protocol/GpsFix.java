package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchValidator.require;

import org.jspecify.annotations.Nullable;

/**
 * One position of the collector.
 *
 * @param t       epoch milliseconds, device clock
 * @param lat     latitude, degrees
 * @param lon     longitude, degrees
 * @param acc     horizontal accuracy, metres
 * @param alt     altitude, metres, if known
 * @param speed   speed over ground, m/s, if known
 * @param bearing degrees clockwise from north in [0, 360), if known
 * @throws IllegalArgumentException if a value breaks a rule of {@link BatchValidator}
 */
public record GpsFix(long t, double lat, double lon, float acc, @Nullable Double alt, @Nullable Float speed,
        @Nullable Float bearing) {

    public GpsFix {
        require(BatchValidator.time(t), "t");
        require(BatchValidator.lat(lat), "lat");
        require(BatchValidator.lon(lon), "lon");
        require(BatchValidator.accuracy(acc), "acc");
        if (alt != null) {
            require(BatchValidator.altitude(alt), "alt");
        }
        if (speed != null) {
            require(BatchValidator.speed(speed), "speed");
        }
        if (bearing != null) {
            require(BatchValidator.bearing(bearing), "bearing");
        }
    }

    /** A fix with only the required values. */
    public GpsFix(long t, double lat, double lon, float acc) {
        this(t, lat, lon, acc, null, null, null);
    }
}
