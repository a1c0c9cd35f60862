package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;

/**
 * The reference batch of issue 6: 15 minutes of one collector — a GPS fix and a motion window every 10 s (90 each)
 * and a BLE sighting every second (900), 1,080 observations. The collector walks about a yard of 12 tags (iBeacon,
 * AltBeacon, Eddystone-UID) no farther than 24 m apart, so every sighting is in range; it hears one of the nearest
 * tags each second.
 */
public final class ReferenceBatch {

    public static final int GPS = 90;
    public static final int BLE = 900;
    public static final int MOTION = 90;
    public static final long SPAN_MS = 15 * 60_000L;
    private static final double YARD_RADIUS_M = 12;

    private ReferenceBatch() {
    }

    /** The batch whose last observation is just before {@code sentAt}; the same seed gives the same batch. */
    public static Batch build(UUID batchId, long sentAt, long seed) {
        Random random = new Random(seed);
        Geo geo = new Geo(48.1374 + random.nextDouble() * 0.05, 11.5755 + random.nextDouble() * 0.05);
        List<double[]> spots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            spots.add(Walker.randomPoint(random, YARD_RADIUS_M));
        }
        List<VirtualTag> tags = VirtualTag.generate(12, random, spots);
        Walker walker = new Walker(random, List.of(), YARD_RADIUS_M);
        Gps gps = new Gps(random, geo, 0);
        long start = sentAt - SPAN_MS;
        List<GpsFix> fixes = new ArrayList<>(GPS);
        List<BleSighting> sightings = new ArrayList<>(BLE);
        List<MotionWindow> windows = new ArrayList<>(MOTION);
        double speedSum = 0;
        for (int second = 0; second < BLE; second++) {
            walker.step(1);
            long t = start + second * 1000L;
            speedSum += walker.speed();
            double e = walker.east();
            double n = walker.north();
            List<VirtualTag> nearest = new ArrayList<>(tags);
            nearest.sort(Comparator.comparingDouble(tag -> tag.distanceTo(e, n)));
            VirtualTag heard = nearest.get(random.nextInt(4));
            double d = heard.distanceTo(e, n);
            int rssi = (int) Math.round(Math.max(Radio.SENSITIVITY_DBM,
                    Math.min(0, Radio.meanRssi(heard.powerAt1m(), d) + random.nextGaussian() * Radio.SHADOWING_DB)));
            sightings.add(new BleSighting(t + random.nextInt(1000), rssi, heard.adv(), heard.mac()));
            if (second % 10 == 9) {
                fixes.add(gps.exact(t - 9000 + random.nextInt(1000), e, n, walker.speed(), walker.bearing()));
                windows.add(new MotionWindow(t - 9000, 10_000, Motion.rms(speedSum / 10, random)));
                speedSum = 0;
            }
        }
        return Batch.of(batchId, sentAt, fixes, sightings, windows);
    }
}
