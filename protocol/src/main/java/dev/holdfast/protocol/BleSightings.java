package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchValidator.require;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The BLE sightings of a batch, stored column by column: timestamps and RSSIs in primitive arrays, addresses as
 * 48-bit numbers, and for each sighting the index of its advertisement among the batch's distinct advertisements,
 * which lie back to back in one byte array (a tag repeats its advertisement, so a batch holds few). An immutable
 * {@code List<BleSighting>}; hot paths use {@link #t(int)}, {@link #rssi(int)} and
 * {@link #advertisement(int)}, which decodes straight from the shared byte array.
 */
public final class BleSightings extends AbstractList<BleSighting> implements RandomAccess {

    private static final BleSightings EMPTY = new Builder(0).build();

    private final int size;
    private final long[] t;
    private final int[] rssi;
    private final long[] mac;
    private final int[] advId; // the distinct advertisement of each sighting
    private final int advs; // how many distinct advertisements
    private final int[] advStart; // advs + 1 entries: distinct adv k is advBytes[advStart[k] .. advStart[k + 1])
    private final byte[] advBytes;

    private BleSightings(Builder b) {
        size = b.size;
        t = b.t;
        rssi = b.rssi;
        mac = b.mac;
        advId = b.advId;
        advs = b.advs;
        advStart = b.advStart;
        advBytes = b.advBytes;
    }

    public static BleSightings empty() {
        return EMPTY;
    }

    /** The given sightings as columns (the same object if it already is one). */
    public static BleSightings copyOf(List<BleSighting> sightings) {
        if (sightings instanceof BleSightings columns) {
            return columns;
        }
        Builder b = new Builder(sightings.size());
        for (BleSighting s : sightings) {
            byte[] adv = s.adv();
            b.addUnchecked(s.t(), s.rssi(), adv, 0, adv.length,
                    s.mac() == null ? -1 : MacAddress.parse(s.mac(), 0, s.mac().length()));
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder(16);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public BleSighting get(int i) {
        check(i);
        return new BleSighting(t[i], rssi[i], adv(i), mac(i));
    }

    public long t(int i) {
        check(i);
        return t[i];
    }

    public int rssi(int i) {
        check(i);
        return rssi[i];
    }

    /** A copy of the raw advertisement. */
    public byte[] adv(int i) {
        check(i);
        int k = advId[i];
        return Arrays.copyOfRange(advBytes, advStart[k], advStart[k + 1]);
    }

    /** The raw advertisement as lower-case hex. */
    public String advHex(int i) {
        check(i);
        int k = advId[i];
        return Hex.encode(advBytes, advStart[k], advStart[k + 1] - advStart[k]);
    }

    /** The advertisement decoded without copying, if it is a beacon format Holdfast knows. */
    public Optional<Advertisement> advertisement(int i) {
        check(i);
        int k = advId[i];
        return AdvertisementParser.parse(advBytes, advStart[k], advStart[k + 1] - advStart[k]);
    }

    /**
     * Which of the batch's distinct advertisements (byte for byte) sighting i carries: 0 for the first sighting's, the
     * next number for each new one, below {@link #distinctAdvertisements()}. Lets a reader decode each once.
     */
    public int advertisementIndex(int i) {
        return advId(i);
    }

    /** How many distinct advertisements the sightings carry. */
    public int distinctAdvertisements() {
        return advs;
    }

    /** The advertiser's address as {@code AA:BB:CC:DD:EE:FF}, or null if the device did not report it. */
    public @Nullable String mac(int i) {
        check(i);
        return mac[i] < 0 ? null : MacAddress.format(mac[i]);
    }

    /**
     * The distinct advertisements back to back, in order of first sighting; distinct advertisement k starts at
     * {@link #distinctAdvFrom(int)}. Not a copy: do not change.
     */
    byte[] advBytes() {
        return advBytes;
    }

    /** How many distinct advertisements (byte for byte) the sightings carry. */
    int distinctAdvs() {
        return advs;
    }

    int distinctAdvFrom(int k) {
        return advStart[k];
    }

    int distinctAdvLength(int k) {
        return advStart[k + 1] - advStart[k];
    }

    /** The index among the distinct advertisements of sighting i's (the first sighting's is 0, a new one's the next). */
    int advId(int i) {
        check(i);
        return advId[i];
    }

    /** The advertiser's address as a 48-bit number, or -1 if absent. */
    long macBits(int i) {
        check(i);
        return mac[i];
    }

    /** The {@code mac:} tag id of the advertiser, or null if the device did not report the address. */
    public @Nullable TagId macTagId(int i) {
        String address = mac(i);
        return address == null ? null : TagId.mac(address);
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + size);
        }
    }

    /** Collects sightings; not thread-safe, use once. */
    public static final class Builder {

        private int size;
        private long[] t;
        private int[] rssi;
        private long[] mac;
        private int[] advId;
        private int advs;
        private int[] advStart;
        private byte[] advBytes;
        /** Open addressing over the distinct advertisements by content: index + 1, 0 = empty. */
        private int[] advSlots;

        Builder(int capacity) {
            t = new long[capacity];
            rssi = new int[capacity];
            mac = new long[capacity];
            advId = new int[capacity];
            advStart = new int[17];
            advBytes = new byte[16 * 32];
            advSlots = new int[32];
        }

        /**
         * Adds a sighting.
         *
         * @param mac the advertiser's address as {@code AA:BB:CC:DD:EE:FF}, or null
         * @throws IllegalArgumentException if a value breaks a rule of {@link BatchValidator}
         */
        public Builder add(long t, int rssi, byte[] adv, @Nullable String mac) {
            require(BatchValidator.time(t), "t");
            require(BatchValidator.rssi(rssi), "rssi");
            require(BatchValidator.advLength(adv.length), "adv");
            long bits = -1;
            if (mac != null) {
                bits = MacAddress.parse(mac, 0, mac.length());
                if (bits < 0) {
                    throw new IllegalArgumentException("mac must look like AA:BB:CC:DD:EE:FF");
                }
            }
            return addUnchecked(t, rssi, adv, 0, adv.length, bits);
        }

        Builder addUnchecked(long t, int rssi, byte[] adv, int offset, int length, long mac) {
            return addUnchecked(t, rssi, intern(adv, offset, length), mac);
        }

        /** Adds a sighting of the distinct advertisement {@code id}, an answer of {@link #intern}. */
        Builder addUnchecked(long t, int rssi, int id, long mac) {
            if (size == this.t.length) {
                int capacity = Math.max(16, size * 2);
                this.t = Arrays.copyOf(this.t, capacity);
                this.rssi = Arrays.copyOf(this.rssi, capacity);
                this.mac = Arrays.copyOf(this.mac, capacity);
                advId = Arrays.copyOf(advId, capacity);
            }
            this.t[size] = t;
            this.rssi[size] = rssi;
            this.mac[size] = mac;
            advId[size] = id;
            size++;
            return this;
        }

        /** The index of this advertisement among the distinct ones so far (byte for byte), added if new. */
        int intern(byte[] adv, int offset, int length) {
            int h = length;
            for (int k = offset; k < offset + length; k++) {
                h = 31 * h + adv[k];
            }
            int mask = advSlots.length - 1;
            int slot = (h ^ h >>> 16) & mask;
            while (true) {
                int entry = advSlots[slot];
                if (entry == 0) {
                    break;
                }
                int from = advStart[entry - 1];
                if (advStart[entry] - from == length
                        && Arrays.equals(advBytes, from, from + length, adv, offset, offset + length)) {
                    return entry - 1;
                }
                slot = (slot + 1) & mask;
            }
            int id = advs++;
            if (advs + 1 > advStart.length) {
                advStart = Arrays.copyOf(advStart, advStart.length * 2);
            }
            int needed = advStart[id] + length;
            if (needed > advBytes.length) {
                advBytes = Arrays.copyOf(advBytes, Math.max(needed, advBytes.length * 2));
            }
            System.arraycopy(adv, offset, advBytes, advStart[id], length);
            advStart[id + 1] = needed;
            advSlots[slot] = id + 1;
            if (advs * 2 > advSlots.length) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            int[] slots = new int[advSlots.length * 2];
            int mask = slots.length - 1;
            for (int id = 0; id < advs; id++) {
                int h = advStart[id + 1] - advStart[id];
                for (int k = advStart[id]; k < advStart[id + 1]; k++) {
                    h = 31 * h + advBytes[k];
                }
                int slot = (h ^ h >>> 16) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = id + 1;
            }
            advSlots = slots;
        }

        public BleSightings build() {
            BleSightings built = new BleSightings(this);
            t = new long[0];
            rssi = new int[0];
            mac = new long[0];
            advId = new int[0];
            advs = 0;
            advStart = new int[1];
            advBytes = new byte[0];
            advSlots = new int[2];
            size = 0;
            return built;
        }
    }
}
