package dev.holdfast.simulator;

/**
 * Where one simulated collector was at every whole second of the scenario (metres from the centre), and the distance
 * it covered in the second that follows; in between it moved in a straight line.
 */
final class CollectorTrack {

    /** A second in which the collector covered more than this counts as walking. */
    static final double MOVING_M = 0.1;

    private final double[] east;
    private final double[] north;

    /** Positions at seconds 0..seconds (both ends included). */
    CollectorTrack(double[] east, double[] north) {
        if (east.length != north.length || east.length < 1) {
            throw new IllegalArgumentException("a track needs as many east as north positions, at least one");
        }
        this.east = east;
        this.north = north;
    }

    /** The last whole second of the track. */
    int seconds() {
        return east.length - 1;
    }

    double east(double second) {
        return interpolate(east, second);
    }

    double north(double second) {
        return interpolate(north, second);
    }

    /** Metres covered from {@code second} to {@code second + 1}. */
    double speed(int second) {
        int s = Math.max(0, Math.min(seconds() - 1, second));
        return seconds() == 0 ? 0 : Math.hypot(east[s + 1] - east[s], north[s + 1] - north[s]);
    }

    boolean moving(int second) {
        return speed(second) > MOVING_M;
    }

    /** Degrees clockwise from north of the movement from {@code second} to {@code second + 1}. */
    double bearing(int second) {
        int s = Math.max(0, Math.min(seconds() - 1, second));
        if (seconds() == 0) {
            return 0;
        }
        return (Math.toDegrees(Math.atan2(east[s + 1] - east[s], north[s + 1] - north[s])) + 360) % 360;
    }

    double distanceTo(double second, double e, double n) {
        return Math.hypot(east(second) - e, north(second) - n);
    }

    private static double interpolate(double[] values, double second) {
        if (second <= 0) {
            return values[0];
        }
        int last = values.length - 1;
        if (second >= last) {
            return values[last];
        }
        int s = (int) second;
        double f = second - s;
        return values[s] + (values[s + 1] - values[s]) * f;
    }
}
