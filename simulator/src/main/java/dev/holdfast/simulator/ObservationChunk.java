package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToLongFunction;

import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;

/**
 * What one collector recorded from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), and which tags
 * (by index) it heard at least once in that time.
 */
record ObservationChunk(int collector, long fromMillis, long toMillis, List<GpsFix> gps, List<BleSighting> ble,
        List<MotionWindow> motion, BitSet heard) {

    ObservationChunk {
        gps = List.copyOf(gps);
        ble = List.copyOf(ble);
        motion = List.copyOf(motion);
        heard = (BitSet) heard.clone();
    }

    int size() {
        return gps.size() + ble.size() + motion.size();
    }

    /**
     * This chunk as pieces of at most {@code max} observations, split at the midpoint of time again and again (a batch
     * may hold at most 20,000).
     */
    List<ObservationChunk> split(int max) {
        if (size() <= max || toMillis - fromMillis < 2) {
            return List.of(this);
        }
        long mid = fromMillis + (toMillis - fromMillis) / 2;
        ObservationChunk early = new ObservationChunk(collector, fromMillis, mid, before(gps, GpsFix::t, mid, true),
                before(ble, BleSighting::t, mid, true), before(motion, MotionWindow::t, mid, true), heard);
        ObservationChunk late = new ObservationChunk(collector, mid, toMillis, before(gps, GpsFix::t, mid, false),
                before(ble, BleSighting::t, mid, false), before(motion, MotionWindow::t, mid, false), heard);
        List<ObservationChunk> pieces = new ArrayList<>(early.split(max));
        pieces.addAll(late.split(max));
        return pieces;
    }

    private static <T> List<T> before(List<T> items, ToLongFunction<T> time, long mid, boolean before) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            if (time.applyAsLong(item) < mid == before) {
                out.add(item);
            }
        }
        return out;
    }
}
