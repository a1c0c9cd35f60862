package dev.holdfast.protocol;

import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntToLongFunction;

/**
 * A {@link Batch} as binary columns: what {@link CompactBatchCodec} deflates. The first byte is the layout:
 * <ul>
 * <li>{@link #LAYOUT_PAIRS} (2, written now): the BLE columns name each sighting's (advertisement, MAC) pair by one
 * small index — a tag mostly sends one advertisement from one address;</li>
 * <li>{@link #LAYOUT_INDEXES} (1, written before): an advertisement index and a MAC index per sighting. Still read.</li>
 * </ul>
 *
 * <p>Layout, all integers as LEB128 varints, signed ones zig-zag coded: layout byte, batch id (16 bytes),
 * {@code sentAt}, the three counts; then the GPS columns (time deltas, latitude and longitude in 1e-7 degrees as
 * deltas, accuracy in cm, a presence byte per fix for altitude/speed/bearing, altitude in cm as deltas, speed in
 * cm/s, bearing in 0.01 degrees); the BLE dictionaries (distinct advertisements, distinct MACs, and in layout 2 the
 * distinct (advertisement index, MAC index + 1 or 0) pairs) and columns (time deltas, RSSI as one byte, then the
 * pair index; layout 1: advertisement index, then MAC index + 1 or 0); the motion columns (time deltas, duration,
 * RMS in 0.001 m/s²). Every time delta is from the previous time of the same list, the first from {@code sentAt}.
 *
 * <p><b>Precision:</b> times, RSSI, advertisements, MACs and durations are exact; latitude and longitude are kept
 * to 1e-7 degrees (about 1 cm), altitude, accuracy and speed to 0.01 m (m/s), bearing to 0.01 degrees and motion
 * RMS to 0.001 m/s². Values written with at most that many decimals (as collectors send them) come back exactly.
 */
final class CompactColumns {

    /** Layout 1: an advertisement index and a MAC index per sighting (read only). */
    static final int LAYOUT_INDEXES = 1;
    /** Layout 2: one (advertisement, MAC) pair index per sighting. */
    static final int LAYOUT_PAIRS = 2;

    private static final double DEG = 1e7;
    private static final double CENTI = 100;
    private static final double MILLI = 1000;
    private static final int ALT = 1;
    private static final int SPEED = 2;
    private static final int BEARING = 4;

    private CompactColumns() {
    }

    /** The batch's columns in {@code layout}. */
    static byte[] encode(Batch batch, int layout) {
        GpsFixes gps = batch.gps();
        BleSightings ble = batch.ble();
        MotionWindows motion = batch.motion();
        CompactOut out = new CompactOut(64 + gps.size() * 16 + ble.size() * 5 + motion.size() * 6);
        out.byteValue(layout);
        out.longBytes(batch.batchId().getMostSignificantBits());
        out.longBytes(batch.batchId().getLeastSignificantBits());
        out.unsigned(batch.sentAt());
        out.unsigned(gps.size());
        out.unsigned(ble.size());
        out.unsigned(motion.size());

        times(out, batch.sentAt(), gps.size(), gps::t);
        long prevLat = 0;
        long prevLon = 0;
        for (int i = 0; i < gps.size(); i++) {
            long lat = Math.round(gps.lat(i) * DEG);
            out.signed(lat - prevLat);
            prevLat = lat;
        }
        for (int i = 0; i < gps.size(); i++) {
            long lon = Math.round(gps.lon(i) * DEG);
            out.signed(lon - prevLon);
            prevLon = lon;
        }
        for (int i = 0; i < gps.size(); i++) {
            out.unsigned(Math.round(gps.acc(i) * CENTI));
        }
        for (int i = 0; i < gps.size(); i++) {
            out.byteValue((Double.isNaN(gps.alt(i)) ? 0 : ALT) | (Float.isNaN(gps.speed(i)) ? 0 : SPEED)
                    | (Float.isNaN(gps.bearing(i)) ? 0 : BEARING));
        }
        long prevAlt = 0;
        for (int i = 0; i < gps.size(); i++) {
            if (!Double.isNaN(gps.alt(i))) {
                long alt = Math.round(gps.alt(i) * CENTI);
                out.signed(alt - prevAlt);
                prevAlt = alt;
            }
        }
        for (int i = 0; i < gps.size(); i++) {
            if (!Float.isNaN(gps.speed(i))) {
                out.unsigned(Math.round(gps.speed(i) * CENTI));
            }
        }
        for (int i = 0; i < gps.size(); i++) {
            if (!Float.isNaN(gps.bearing(i))) {
                out.unsigned(Math.round(gps.bearing(i) * CENTI) % 36000);
            }
        }

        // the distinct advertisements (BleSightings keeps them so, in order of first sighting) and a dictionary of the
        // distinct MACs
        byte[] advBytes = ble.advBytes();
        int advs = ble.distinctAdvs();
        CompactOut advDictionary = new CompactOut(16 + advs * 32);
        for (int k = 0; k < advs; k++) {
            advDictionary.unsigned(ble.distinctAdvLength(k));
            advDictionary.bytes(advBytes, ble.distinctAdvFrom(k), ble.distinctAdvLength(k));
        }
        int slots = Integer.highestOneBit(Math.max(16, ble.size() * 2)) * 2;
        long[] macSlot = new long[slots]; // open addressing: MAC bits + 1, 0 = empty
        int[] macSlotIndex = new int[slots];
        int macs = 0;
        int[] advOf = new int[ble.size()];
        int[] macOf = new int[ble.size()];
        CompactOut macDictionary = new CompactOut(64);
        for (int i = 0; i < ble.size(); i++) {
            advOf[i] = ble.advId(i);
            long mac = ble.macBits(i);
            if (mac < 0) {
                macOf[i] = 0;
            } else {
                long mixed = mac * 0x9E3779B97F4A7C15L;
                int at = (int) (mixed ^ mixed >>> 32) & slots - 1;
                while (macSlot[at] != 0 && macSlot[at] != mac + 1) {
                    at = (at + 1) & slots - 1;
                }
                if (macSlot[at] == 0) {
                    macSlot[at] = mac + 1;
                    macSlotIndex[at] = ++macs;
                    for (int shift = 40; shift >= 0; shift -= 8) {
                        macDictionary.byteValue((int) (mac >>> shift));
                    }
                }
                macOf[i] = macSlotIndex[at];
            }
        }
        out.unsigned(advs);
        out.append(advDictionary);
        out.unsigned(macs);
        out.append(macDictionary);
        times(out, batch.sentAt(), ble.size(), ble::t);
        for (int i = 0; i < ble.size(); i++) {
            out.byteValue(ble.rssi(i));
        }
        if (layout == LAYOUT_INDEXES) {
            for (int i = 0; i < ble.size(); i++) {
                out.unsigned(advOf[i]);
            }
            for (int i = 0; i < ble.size(); i++) {
                out.unsigned(macOf[i]);
            }
        } else {
            writePairs(out, advOf, macOf, ble.size(), macs, slots);
        }

        times(out, batch.sentAt(), motion.size(), motion::t);
        for (int i = 0; i < motion.size(); i++) {
            out.unsigned(motion.dur(i));
        }
        for (int i = 0; i < motion.size(); i++) {
            out.unsigned(Math.round(motion.rms(i) * MILLI));
        }
        return out.toByteArray();
    }

    /** A list's times: each as the difference from the one before, the first from {@code sentAt}. */
    private static void times(CompactOut out, long sentAt, int count, IntToLongFunction t) {
        long prev = sentAt;
        for (int i = 0; i < count; i++) {
            out.signed(t.applyAsLong(i) - prev);
            prev = t.applyAsLong(i);
        }
    }

    /** Reads what {@link #times(CompactOut, long, int, IntToLongFunction)} wrote. */
    private static long[] times(CompactIn in, long sentAt, int count) {
        long[] t = new long[count];
        long prev = sentAt;
        for (int i = 0; i < count; i++) {
            t[i] = prev += in.signed();
        }
        return t;
    }

    /**
     * The (advertisement, MAC) pair dictionary — count, then each pair's advertisement index and MAC index + 1 (0 = no
     * MAC) in order of first use — and the pair index of every sighting.
     */
    private static void writePairs(CompactOut out, int[] advOf, int[] macOf, int count, int macs, int slots) {
        int[] slotKey = new int[slots]; // pair key + 1, 0 = empty
        int[] slotIndex = new int[slots];
        int[] pairOf = new int[count];
        CompactOut dictionary = new CompactOut(64);
        int pairs = 0;
        for (int i = 0; i < count; i++) {
            int key = advOf[i] * (macs + 1) + macOf[i]; // below 20,000 * 20,001: fits an int
            int mixed = key * 0x9E3779B9;
            int at = (mixed ^ mixed >>> 16) & slots - 1;
            while (slotKey[at] != 0 && slotKey[at] != key + 1) {
                at = (at + 1) & slots - 1;
            }
            if (slotKey[at] == 0) {
                slotKey[at] = key + 1;
                slotIndex[at] = pairs++;
                dictionary.unsigned(advOf[i]);
                dictionary.unsigned(macOf[i]);
            }
            pairOf[i] = slotIndex[at];
        }
        out.unsigned(pairs);
        out.append(dictionary);
        for (int i = 0; i < count; i++) {
            out.unsigned(pairOf[i]);
        }
    }

    // ---- decoding

    /**
     * Reads columns written by {@link #encode} from {@code raw[0, length)}.
     *
     * @throws IllegalArgumentException if they are truncated, malformed or of an unknown layout
     */
    static Batch decode(byte[] raw, int length) {
        CompactIn in = new CompactIn(raw, length);
        int layout = in.byteValue();
        if (layout != LAYOUT_INDEXES && layout != LAYOUT_PAIRS) {
            throw new IllegalArgumentException("unknown compact batch layout " + layout);
        }
        UUID batchId = new UUID(in.longBytes(), in.longBytes());
        long sentAt = in.unsigned();
        int gpsCount = in.count();
        int bleCount = in.count();
        int motionCount = in.count();

        long[] t = times(in, sentAt, gpsCount);
        double[] lat = new double[gpsCount];
        long acc = 0;
        for (int i = 0; i < gpsCount; i++) {
            lat[i] = (acc += in.signed()) / DEG;
        }
        double[] lon = new double[gpsCount];
        acc = 0;
        for (int i = 0; i < gpsCount; i++) {
            lon[i] = (acc += in.signed()) / DEG;
        }
        float[] accuracy = new float[gpsCount];
        for (int i = 0; i < gpsCount; i++) {
            accuracy[i] = (float) (in.unsigned() / CENTI);
        }
        int[] present = new int[gpsCount];
        for (int i = 0; i < gpsCount; i++) {
            present[i] = in.byteValue();
        }
        double[] alt = new double[gpsCount];
        acc = 0;
        for (int i = 0; i < gpsCount; i++) {
            alt[i] = (present[i] & ALT) != 0 ? (acc += in.signed()) / CENTI : Double.NaN;
        }
        float[] speed = new float[gpsCount];
        for (int i = 0; i < gpsCount; i++) {
            speed[i] = (present[i] & SPEED) != 0 ? (float) (in.unsigned() / CENTI) : Float.NaN;
        }
        GpsFixes.Builder gps = new GpsFixes.Builder(gpsCount);
        for (int i = 0; i < gpsCount; i++) {
            float bearing = (present[i] & BEARING) != 0 ? (float) (in.unsigned() / CENTI) : Float.NaN;
            gps.add(t[i], lat[i], lon[i], accuracy[i], alt[i], speed[i], bearing);
        }

        int advs = in.count();
        byte[][] advDictionary = new byte[advs][];
        for (int i = 0; i < advs; i++) {
            advDictionary[i] = in.bytes(in.count());
        }
        int macs = in.count();
        long[] macDictionary = new long[macs];
        for (int i = 0; i < macs; i++) {
            long mac = 0;
            for (int k = 0; k < 6; k++) {
                mac = mac << 8 | in.byteValue();
            }
            macDictionary[i] = mac;
        }
        long[] bt = times(in, sentAt, bleCount);
        int[] rssi = new int[bleCount];
        for (int i = 0; i < bleCount; i++) {
            rssi[i] = (byte) in.byteValue();
        }
        int[] advOf = new int[bleCount];
        int[] macOf = new int[bleCount];
        if (layout == LAYOUT_INDEXES) {
            for (int i = 0; i < bleCount; i++) {
                advOf[i] = in.index(advs);
            }
            for (int i = 0; i < bleCount; i++) {
                macOf[i] = in.index(macs + 1);
            }
        } else {
            int pairs = in.count();
            int[] pairAdv = new int[pairs];
            int[] pairMac = new int[pairs];
            for (int k = 0; k < pairs; k++) {
                pairAdv[k] = in.index(advs);
                pairMac[k] = in.index(macs + 1);
            }
            for (int i = 0; i < bleCount; i++) {
                int k = in.index(pairs);
                advOf[i] = pairAdv[k];
                macOf[i] = pairMac[k];
            }
        }
        BleSightings.Builder ble = new BleSightings.Builder(bleCount);
        int[] advIds = new int[advDictionary.length]; // dictionary entry -> the builder's distinct advertisement + 1
        for (int i = 0; i < bleCount; i++) {
            int m = macOf[i];
            long mac = m == 0 ? -1 : macDictionary[m - 1];
            BatchValidator.require(BatchValidator.time(bt[i]), "t");
            BatchValidator.require(BatchValidator.rssi(rssi[i]), "rssi");
            int k = advOf[i];
            if (advIds[k] == 0) {
                byte[] adv = advDictionary[k];
                BatchValidator.require(BatchValidator.advLength(adv.length), "adv");
                advIds[k] = ble.intern(adv, 0, adv.length) + 1;
            }
            ble.addUnchecked(bt[i], rssi[i], advIds[k] - 1, mac);
        }

        long[] mt = times(in, sentAt, motionCount);
        long[] dur = new long[motionCount];
        for (int i = 0; i < motionCount; i++) {
            dur[i] = in.unsigned();
            BatchValidator.require(BatchValidator.duration(dur[i]), "dur");
        }
        MotionWindows.Builder motion = new MotionWindows.Builder(motionCount);
        for (int i = 0; i < motionCount; i++) {
            motion.add(mt[i], (int) dur[i], (float) (in.unsigned() / MILLI));
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("trailing bytes after a compact batch");
        }
        return new Batch(batchId, sentAt, gps.build(), ble.build(), motion.build());
    }
}
