package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CompactBatchCodecTest {

    final CompactBatchCodec codec = new CompactBatchCodec();

    @Test
    void valuesAtTheStoragePrecisionComeBackExactly() {
        Random r = new Random(1);
        for (int round = 0; round < 200; round++) {
            Batch batch = random(r, true);
            for (int format : new int[] {CompactBatchCodec.PLAIN, CompactBatchCodec.DEFLATED}) {
                Batch back = codec.decode(format, codec.encode(batch, format));
                assertThat(back).as("round %d, format %d", round, format).isEqualTo(batch);
                assertThat(back.gps()).containsExactlyElementsOf(batch.gps());
                assertThat(back.ble()).containsExactlyElementsOf(batch.ble());
                assertThat(back.motion()).containsExactlyElementsOf(batch.motion());
            }
            // rows written before layout 2: an advertisement index and a MAC index per sighting, deflated
            byte[] layout1 = CompactBatchCodec.deflate(CompactColumns.encode(batch, CompactColumns.LAYOUT_INDEXES));
            assertThat(codec.decode(CompactBatchCodec.DEFLATED, layout1)).as("round %d, layout 1", round)
                    .isEqualTo(batch);
        }
    }

    @Test
    void aDeflaterKeptAcrossBatchesWritesWhatAFreshOneWrites() {
        Random r = new Random(3);
        java.util.zip.Deflater kept = CompactBatchCodec.newDeflater();
        try {
            for (int round = 0; round < 50; round++) {
                Batch batch = random(r, round % 2 == 0);
                byte[] reused = codec.encode(batch, kept);
                assertThat(reused).as("round %d", round).isEqualTo(codec.encode(batch));
                assertThat(codec.decode(reused)).isEqualTo(codec.decode(codec.encode(batch)));
            }
        } finally {
            kept.end();
        }
    }

    @Test
    void sightingsOfOneAdvertisementFromSeveralAddressesKeepTheirOwnAddress() {
        byte[] adv = HexFormat.of().parseHex("0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e000640000c5");
        byte[] other = HexFormat.of().parseHex("02011a0303aafe");
        BleSightings.Builder ble = BleSightings.builder();
        String[] macs = {"C3:11:0A:5F:22:01", null, "C3:11:0A:5F:22:02", "C3:11:0A:5F:22:01", null};
        for (int i = 0; i < 50; i++) {
            ble.add(1_000 + i, -60 - i % 30, i % 3 == 0 ? other : adv, macs[i % macs.length]);
        }
        Batch batch = new Batch(UUID.randomUUID(), 2_000, GpsFixes.builder().build(), ble.build(),
                MotionWindows.builder().build());
        assertThat(codec.decode(codec.encode(batch)).ble()).containsExactlyElementsOf(batch.ble());
    }

    @Test
    void fullPrecisionValuesComeBackWithinThePrecision() {
        Random r = new Random(2);
        for (int round = 0; round < 100; round++) {
            Batch batch = random(r, false);
            Batch back = codec.decode(codec.encode(batch));
            assertThat(back.batchId()).isEqualTo(batch.batchId());
            assertThat(back.sentAt()).isEqualTo(batch.sentAt());
            assertThat(back.gps()).hasSameSizeAs(batch.gps());
            for (int i = 0; i < batch.gps().size(); i++) {
                GpsFix a = batch.gps().get(i);
                GpsFix b = back.gps().get(i);
                assertThat(b.t()).isEqualTo(a.t());
                assertThat(b.lat()).isCloseTo(a.lat(), within(0.5e-7 + 1e-12));
                assertThat(b.lon()).isCloseTo(a.lon(), within(0.5e-7 + 1e-12));
                assertThat(b.acc()).isCloseTo(a.acc(), within(0.005f + 1e-5f));
                assertThat(b.alt() == null).isEqualTo(a.alt() == null);
                if (a.alt() != null) {
                    assertThat(b.alt()).isCloseTo(a.alt(), within(0.005 + 1e-9));
                }
                assertThat(b.speed() == null).isEqualTo(a.speed() == null);
                if (a.speed() != null) {
                    assertThat(b.speed()).isCloseTo(a.speed(), within(0.005f + 1e-5f));
                }
                assertThat(b.bearing() == null).isEqualTo(a.bearing() == null);
                if (a.bearing() != null) {
                    float diff = Math.abs(b.bearing() - a.bearing());
                    assertThat(Math.min(diff, 360 - diff)).isLessThanOrEqualTo(0.005f + 1e-4f);
                }
            }
            assertThat(back.ble()).containsExactlyElementsOf(batch.ble()); // BLE is always exact
            for (int i = 0; i < batch.motion().size(); i++) {
                assertThat(back.motion().t(i)).isEqualTo(batch.motion().t(i));
                assertThat(back.motion().dur(i)).isEqualTo(batch.motion().dur(i));
                assertThat(back.motion().rms(i)).isCloseTo(batch.motion().rms(i), within(0.0005f + 1e-5f));
            }
        }
    }

    @Test
    void edgeValues() {
        byte[] shortest = {0x01, 0x02};
        byte[] longest = new byte[255];
        Arrays.fill(longest, (byte) 0xAB);
        Batch batch = Batch.of(UUID.randomUUID(), Long.MAX_VALUE,
                List.of(new GpsFix(1, -90, -180, 0f), new GpsFix(Long.MAX_VALUE, 90, 180, 0f, -430.5, 0f, 359.999f),
                        new GpsFix(5, 0, 0, 1e6f, 8848.86, 343.2f, 0f)),
                List.of(new BleSighting(Long.MAX_VALUE, -127, shortest, null),
                        new BleSighting(1, 20, longest, "FF:FF:FF:FF:FF:FF"),
                        new BleSighting(2, 0, shortest, "00:00:00:00:00:00")),
                List.of(new MotionWindow(1, Integer.MAX_VALUE, 0f), new MotionWindow(Long.MAX_VALUE, 1, 156.9f)));
        Batch back = codec.decode(codec.encode(batch));
        assertThat(codec.decode(CompactBatchCodec.PLAIN, codec.encode(batch, CompactBatchCodec.PLAIN)))
                .isEqualTo(back);
        assertThat(back.ble()).containsExactlyElementsOf(batch.ble());
        assertThat(back.gps().get(0)).isEqualTo(batch.gps().get(0));
        assertThat(back.gps().get(2)).isEqualTo(batch.gps().get(2));
        assertThat(back.gps().bearing(1)).as("359.999 rounds to 360.00, which is 0").isZero();
        assertThat(back.motion()).containsExactlyElementsOf(batch.motion());

        Batch empty = Batch.of(UUID.randomUUID(), 1, List.of(), List.of(), List.of());
        assertThat(codec.decode(codec.encode(empty))).isEqualTo(empty);
    }

    @Test
    void aReferenceBatchNeedsAboutFiveBytesPerObservation() {
        Batch batch = reference(new Random(3));
        assertThat(batch.observationCount()).isEqualTo(1080);
        double stored = codec.encode(batch).length / (double) batch.observationCount();
        assertThat(stored).isBetween(4.0, 5.5);
        double plain = codec.encode(batch, CompactBatchCodec.PLAIN).length / (double) batch.observationCount();
        assertThat(plain).isBetween(stored, 6.5);
        double layout1 = CompactBatchCodec.deflate(CompactColumns.encode(batch, CompactColumns.LAYOUT_INDEXES)).length
                / (double) batch.observationCount();
        assertThat(stored).as("the pair index saves a little even deflated").isLessThanOrEqualTo(layout1);
    }

    @Test
    void damagedBytesAreRefused() {
        for (int format : new int[] {CompactBatchCodec.PLAIN, CompactBatchCodec.DEFLATED}) {
            byte[] good = codec.encode(reference(new Random(4)), format);
            assertThatThrownBy(() -> codec.decode(format, Arrays.copyOf(good, good.length / 2)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> codec.decode(format, new byte[] {1, 2, 3}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (int layout : new int[] {CompactColumns.LAYOUT_INDEXES, CompactColumns.LAYOUT_PAIRS}) {
            byte[] raw = CompactColumns.encode(reference(new Random(5)), layout);
            raw[0] = 9;
            assertThatThrownBy(() -> CompactColumns.decode(raw, raw.length)).hasMessageContaining("layout 9");
            byte[] truncated = CompactColumns.encode(reference(new Random(6)), layout);
            assertThatThrownBy(() -> CompactColumns.decode(truncated, truncated.length - 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] plain = codec.encode(reference(new Random(7)), CompactBatchCodec.PLAIN);
        assertThatThrownBy(() -> codec.decode(CompactBatchCodec.DEFLATED, plain))
                .as("plain bytes are no deflate stream").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode(3, plain)).hasMessageContaining("format 3");
    }

    /** 15 minutes of one collector: 90 fixes, 900 sightings of 25 beacons, 90 motion windows. */
    static Batch reference(Random r) {
        long now = 1_763_892_000_000L;
        long start = now - 15 * 60_000;
        GpsFixes.Builder gps = GpsFixes.builder();
        double lat = 48.1374;
        double lon = 11.5754;
        for (int i = 0; i < 90; i++) {
            lat += (r.nextDouble() - 0.5) * 1e-4;
            lon += (r.nextDouble() - 0.5) * 1e-4;
            gps.add(start + i * 10_000L, lat, lon, 3 + r.nextFloat() * 10, 519 + r.nextDouble(), r.nextFloat() * 2,
                    r.nextFloat() * 359);
        }
        BleSightings.Builder ble = BleSightings.builder();
        for (int i = 0; i < 900; i++) {
            int k = r.nextInt(25);
            ble.add(start + i * 1000L + r.nextInt(900), -50 - r.nextInt(45), HexFormat.of().parseHex(
                    "0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e0" + String.format(Locale.ROOT, "%04x%04x", 100 + k, k) + "c5"),
                    String.format("C3:11:0A:5F:22:%02X", k));
        }
        MotionWindows.Builder motion = MotionWindows.builder();
        for (int i = 0; i < 90; i++) {
            motion.add(start + i * 10_000L, 10_000, r.nextFloat() * 2);
        }
        return new Batch(UUID.randomUUID(), now, gps.build(), ble.build(), motion.build());
    }

    /**
     * A random batch; {@code atPrecision}: decimals as collectors send them (7 for coordinates, 2 for metres, 3 for
     * RMS), else full double/float precision. Times are unordered, optional values sometimes absent.
     */
    private static Batch random(Random r, boolean atPrecision) {
        long base = 1_700_000_000_000L + r.nextInt(1_000_000_000);
        int gpsCount = r.nextInt(40);
        GpsFixes.Builder gps = GpsFixes.builder();
        for (int i = 0; i < gpsCount; i++) {
            double lat = r.nextDouble() * 180 - 90;
            double lon = r.nextDouble() * 360 - 180;
            float acc = r.nextFloat() * 100;
            double alt = r.nextInt(4) == 0 ? Double.NaN : r.nextDouble() * 9000 - 500;
            float speed = r.nextInt(4) == 0 ? Float.NaN : r.nextFloat() * 60;
            float bearing = r.nextInt(4) == 0 ? Float.NaN : r.nextFloat() * 359.99f;
            if (atPrecision) {
                lat = Double.parseDouble(String.format(Locale.ROOT, "%.7f", lat));
                lon = Double.parseDouble(String.format(Locale.ROOT, "%.7f", lon));
                acc = Float.parseFloat(String.format(Locale.ROOT, "%.2f", acc));
                alt = Double.isNaN(alt) ? alt : Double.parseDouble(String.format(Locale.ROOT, "%.2f", alt));
                speed = Float.isNaN(speed) ? speed : Float.parseFloat(String.format(Locale.ROOT, "%.2f", speed));
                bearing = Float.isNaN(bearing) ? bearing : Float.parseFloat(String.format(Locale.ROOT, "%.2f", bearing));
            }
            gps.add(base + r.nextInt(3_600_000) - 1_800_000, lat, lon, acc, alt, speed, bearing);
        }
        BleSightings.Builder ble = BleSightings.builder();
        byte[][] advs = new byte[1 + r.nextInt(10)][];
        for (int k = 0; k < advs.length; k++) {
            advs[k] = new byte[2 + r.nextInt(60)];
            r.nextBytes(advs[k]);
        }
        int bleCount = r.nextInt(300);
        for (int i = 0; i < bleCount; i++) {
            String mac = r.nextInt(5) == 0 ? null : String.format(Locale.ROOT, "%02X:11:22:33:44:%02X", r.nextInt(256), r.nextInt(8));
            ble.add(base + r.nextInt(3_600_000) - 1_800_000, -127 + r.nextInt(148), advs[r.nextInt(advs.length)], mac);
        }
        MotionWindows.Builder motion = MotionWindows.builder();
        int motionCount = r.nextInt(40);
        for (int i = 0; i < motionCount; i++) {
            float rms = r.nextFloat() * 20;
            if (atPrecision) {
                rms = Float.parseFloat(String.format(Locale.ROOT, "%.3f", rms));
            }
            motion.add(base + r.nextInt(3_600_000) - 1_800_000, 1 + r.nextInt(60_000), rms);
        }
        return new Batch(UUID.randomUUID(), base, gps.build(), ble.build(), motion.build());
    }
}
