package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Builds small scenarios by hand for the tests: sites, tags, collector tracks by second, pick-ups and put-downs. */
final class HandMadeScenario {

    static final Geo GEO = new Geo(48.1374, 11.5755);
    static final long START = 1_763_892_000_000L;

    private final int seconds;
    private final List<Site> sites = new ArrayList<>();
    private final List<double[]> tags = new ArrayList<>();
    private final List<CollectorTrack> tracks = new ArrayList<>();
    private final List<int[]> carries = new ArrayList<>();

    HandMadeScenario(int seconds) {
        this.seconds = seconds;
    }

    HandMadeScenario site(String name, double east, double north, double radius) {
        sites.add(new Site(name, east, north, radius));
        return this;
    }

    HandMadeScenario tag(double east, double north) {
        tags.add(new double[] {east, north});
        return this;
    }

    /** A collector at {@code where.apply(second)} = {east, north} for every second. */
    HandMadeScenario collector(IntFunction<double[]> where) {
        double[] e = new double[seconds + 1];
        double[] n = new double[seconds + 1];
        for (int s = 0; s <= seconds; s++) {
            double[] p = where.apply(s);
            e[s] = p[0];
            n[s] = p[1];
        }
        tracks.add(new CollectorTrack(e, n));
        return this;
    }

    /** The collector picks the tag up at {@code from} and puts it down at {@code to}. */
    HandMadeScenario carry(int tag, int collector, int from, int to) {
        carries.add(new int[] {tag, collector, from, to});
        return this;
    }

    FieldScenario build() {
        FieldWorld world = new FieldWorld(sites, 1000, seconds, tags);
        for (int[] c : carries) {
            CollectorTrack t = tracks.get(c[1]);
            world.pickUp(c[0], c[1], c[2], t.east(c[2]), t.north(c[2]));
            world.putDown(c[0], c[3], t.east(c[3]), t.north(c[3]));
        }
        return new FieldScenario(GEO, START, seconds, sites, world.timelines(), tracks, world.handlings());
    }

    /** A straight line from {@code a} at second {@code from} to {@code b} at second {@code to}. */
    static double[] between(double[] a, double[] b, int from, int to, int second) {
        double f = Math.max(0, Math.min(1, (second - from) / (double) (to - from)));
        return new double[] {a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f};
    }
}
