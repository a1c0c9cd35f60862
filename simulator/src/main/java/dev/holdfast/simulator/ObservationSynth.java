package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;

/**
 * What the collectors of a scenario record, stretch by stretch: a GPS fix every second while walking and every 5–10 s
 * while standing (true position plus {@code gpsSigma} of Gaussian error per axis, {@link Gps#gaussian}); for every tag
 * an advertisement every 1–2 s, heard when its RSSI ({@link PathLoss}, from the true distance at that moment) is above
 * the threshold; and a motion window every 10 s ({@link Motion}: 1.5–3 m/s² walking, about 0.05 standing). Each stretch
 * draws from its own random sequence (seed, collector, start), so stretches can be made in any order.
 */
final class ObservationSynth {

    static final int MOTION_WINDOW_S = 10;

    private final FieldScenario scenario;
    private final List<VirtualTag> tags;
    private final PathLoss radio;
    private final double gpsSigma;
    private final long seed;

    ObservationSynth(FieldScenario scenario, List<VirtualTag> tags, PathLoss radio, double gpsSigma, long seed) {
        if (tags.size() != scenario.tags().size()) {
            throw new IllegalArgumentException("one virtual tag per tag of the scenario");
        }
        this.scenario = scenario;
        this.tags = List.copyOf(tags);
        this.radio = radio;
        this.gpsSigma = gpsSigma;
        this.seed = seed;
    }

    /** Collector {@code c}'s observations from second {@code from} (inclusive) to {@code to} (exclusive). */
    ObservationChunk chunk(int c, int from, int to) {
        Random random = new Random(seed * 1_000_003L + c * 7919L + from);
        CollectorTrack track = scenario.collectors().get(c);
        Gps gps = new Gps(random, scenario.geo(), 0);
        List<GpsFix> fixes = new ArrayList<>();
        List<BleSighting> sightings = new ArrayList<>();
        List<MotionWindow> windows = new ArrayList<>();
        BitSet heard = new BitSet();
        long[] next = new long[tags.size()];
        for (int t = 0; t < next.length; t++) {
            next[t] = from * 1000L + random.nextInt(2000);
        }
        int nextStillFix = from;
        double speedSum = 0;
        int windowStart = from;
        for (int s = from; s < to; s++) {
            double speed = track.speed(s);
            if (track.moving(s) || s >= nextStillFix) {
                double at = s + random.nextInt(200) / 1000.0;
                fixes.add(gps.gaussian(scenario.millis(at), track.east(at), track.north(at),
                        track.moving(s) ? speed : 0, track.bearing(s), gpsSigma));
                nextStillFix = s + 5 + random.nextInt(6);
            }
            speedSum += speed;
            if (s + 1 - windowStart == MOTION_WINDOW_S || s + 1 == to) {
                int seconds = s + 1 - windowStart;
                windows.add(new MotionWindow(scenario.millis(windowStart), seconds * 1000,
                        Motion.rms(speedSum / seconds, random)));
                speedSum = 0;
                windowStart = s + 1;
            }
            long end = (s + 1) * 1000L;
            for (int t = 0; t < next.length; t++) {
                while (next[t] < end) {
                    double at = next[t] / 1000.0;
                    next[t] += 1000 + random.nextInt(1001);
                    VirtualTag tag = tags.get(t);
                    double[] p = scenario.tagPosition(t, at);
                    double distance = track.distanceTo(at, p[0], p[1]);
                    if (distance > radio.rangeMetres(tag.powerAt1m())) {
                        continue;
                    }
                    OptionalInt rssi = radio.rssi(tag.powerAt1m(), distance, random);
                    if (rssi.isPresent()) {
                        sightings.add(new BleSighting(scenario.millis(at), rssi.getAsInt(), tag.adv(), tag.mac()));
                        heard.set(t);
                    }
                }
            }
        }
        sightings.sort(Comparator.comparingLong(BleSighting::t));
        return new ObservationChunk(c, scenario.millis(from), scenario.millis(to), fixes, sightings, windows, heard);
    }
}
