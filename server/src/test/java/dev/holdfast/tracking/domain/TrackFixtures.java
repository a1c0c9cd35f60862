package dev.holdfast.tracking.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;

/**
 * Builds collector batches for tests: a walk along a straight line at a fixed speed, GPS fixes every second with
 * Gaussian noise, and the sightings of tags the walk passes (RSSI from the log-distance model with n = 2.5 and the
 * advertised power, plus Gaussian noise).
 */
public final class TrackFixtures {

    /** The iBeacon of custom-components/ble_monitor's test_ibeacon_sensor (power at 1 m -59 dBm). */
    public static final String IBEACON_HEX = "02011a1aff4c000215e2c56db5dffb48d2b060d0f5a71096e000640000c5";
    public static final String IBEACON_TAG = "ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0";

    public static final double LAT0 = 48.1374;
    public static final double LON0 = 11.5755;

    /** A point {@code east} and {@code north} metres from the origin. */
    public static double[] at(double east, double north) {
        return new double[] {Geo.lat(LAT0, north), Geo.lon(LAT0, LON0, east)};
    }

    /** What one walk records. */
    public static final class Walk {
        final List<GpsFix> gps = new ArrayList<>();
        final List<BleSighting> ble = new ArrayList<>();
        final List<MotionWindow> motion = new ArrayList<>();
        final Random random;
        public double gpsSigma = 0;
        public double rssiSigma = 0;

        public Walk(long seed) {
            this.random = new Random(seed);
        }

        /**
         * Walks from (e0, n0) to (e1, n1) metres in {@code seconds}, starting at {@code t0}; sees the tag at
         * (tagE, tagN) every {@code every} seconds when the RSSI is above -95 dBm. {@code carried}: the tag moves with
         * the walker (1 m away).
         */
        public Walk leg(long t0, double e0, double n0, double e1, double n1, int seconds, double tagE, double tagN,
                int every, boolean carried, float rms) {
            byte[] adv = java.util.HexFormat.of().parseHex(IBEACON_HEX);
            for (int s = 0; s <= seconds; s++) {
                double f = seconds == 0 ? 1 : (double) s / seconds;
                double e = e0 + f * (e1 - e0);
                double n = n0 + f * (n1 - n0);
                long t = t0 + s * 1000L;
                double[] noisy = at(e + random.nextGaussian() * gpsSigma, n + random.nextGaussian() * gpsSigma);
                gps.add(new GpsFix(t, noisy[0], noisy[1], (float) Math.max(3, gpsSigma), null, null, null));
                if (s % 10 == 0) {
                    motion.add(new MotionWindow(t, 10_000, rms));
                }
                if (s % every == 0) {
                    double d = carried ? 1.0 : Math.max(0.5, Math.hypot(e - tagE, n - tagN));
                    int rssi = (int) Math.round(-59 - 25 * Math.log10(d) + random.nextGaussian() * rssiSigma);
                    if (rssi > -95) {
                        ble.add(new BleSighting(t + 300, Math.max(-127, Math.min(0, rssi)), adv, null));
                    }
                }
            }
            return this;
        }

        Batch batch() {
            return batch(gps.isEmpty() ? System.currentTimeMillis() : gps.get(gps.size() - 1).t() + 1000);
        }

        /** The batch as sent at {@code sentAt} (device clock): the server corrects its clock by the difference. */
        public Batch batch(long sentAt) {
            return Batch.of(UUID.randomUUID(), sentAt, gps, ble, motion);
        }
    }

    /** A lookup of one tag. */
    static TagLookup registered(String tag, UUID asset) {
        return new TagLookup() {
            @Override
            public UUID asset(String tagId) {
                return tag.equals(tagId) ? asset : null;
            }

            @Override
            public boolean hasMacTags() {
                return tag.startsWith("mac:");
            }
        };
    }

    private TrackFixtures() {
    }
}
