package dev.holdfast.simulator;

import org.jspecify.annotations.Nullable;

/**
 * A visit in the ground truth: the tag lay (or was carried about) inside the site from second {@code arrival} until
 * second {@code departure}, or to the end of the scenario when that is null. {@code observable}: a collector came
 * within reach of the tag during the visit, so the server could know of it.
 */
record TrueVisit(int tag, int site, int arrival, @Nullable Integer departure, boolean observable) {
}
