package dev.holdfast.simulator;

/**
 * A handling in the ground truth: a collector picked the tag up at second {@code start}, carried it and put it down at
 * second {@code end}; positions in metres from the centre.
 */
record TrueHandling(int tag, int collector, int start, int end, double fromEast, double fromNorth, double toEast,
        double toNorth) {

    double movedMetres() {
        return Math.hypot(toEast - fromEast, toNorth - fromNorth);
    }
}
