package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one tag was over the scenario: lying at a position, or carried by a collector at a fixed offset from it
 * (within a metre), each from a whole second until the next segment begins.
 */
final class TagTimeline {

    /** One stretch of the timeline; it lasts until the next one begins. */
    sealed interface Segment permits Rest, Carried {
        int from();
    }

    record Rest(int from, double east, double north) implements Segment {
    }

    record Carried(int from, int collector, double offsetEast, double offsetNorth) implements Segment {
    }

    private final List<Segment> segments = new ArrayList<>();

    TagTimeline(double east, double north) {
        segments.add(new Rest(0, east, north));
    }

    void add(Segment segment) {
        Segment last = segments.get(segments.size() - 1);
        if (segment.from() < last.from()) {
            throw new IllegalArgumentException("segments must be added in time order");
        }
        if (segment.from() == last.from()) {
            segments.set(segments.size() - 1, segment);
        } else {
            segments.add(segment);
        }
    }

    List<Segment> segments() {
        return List.copyOf(segments);
    }

    Segment at(double second) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).from() <= second) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return segments.get(lo);
    }

    /** {east, north} at {@code second}. */
    double[] position(double second, List<CollectorTrack> tracks) {
        Segment s = at(second);
        if (s instanceof Carried c) {
            CollectorTrack track = tracks.get(c.collector());
            return new double[] {track.east(second) + c.offsetEast(), track.north(second) + c.offsetNorth()};
        }
        Rest r = (Rest) s;
        return new double[] {r.east(), r.north()};
    }

    boolean carried(double second) {
        return at(second) instanceof Carried;
    }
}
