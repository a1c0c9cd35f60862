package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchValidator.require;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The BLE sightings of a batch, stored column by column: timestamps and RSSIs in primitive arrays, all
 * advertisements back to back in one byte array, addresses as 48-bit numbers. An immutable
 * {@code List<BleSighting>}; hot paths use {@link #t(int)}, {@link #rssi(int)} and
 * {@link #advertisement(int)}, which decodes straight from the shared byte array.
 */
public final class BleSightings extends AbstractList<BleSighting> implements RandomAccess {

    private static final BleSightings EMPTY = new Builder(0).build();

    private final int size;
    private final long[] t;
    private final int[] rssi;
    private final long[] mac;
    private final int[] advStart; // size + 1 entries: adv i is advBytes[advStart[i] .. advStart[i + 1])
    private final byte[] advBytes;

    private BleSightings(Builder b) {
        size = b.size;
        t = b.t;
        rssi = b.rssi;
        mac = b.mac;
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
        return Arrays.copyOfRange(advBytes, advStart[i], advStart[i + 1]);
    }

    /** The raw advertisement as lower-case hex. */
    public String advHex(int i) {
        check(i);
        return Hex.encode(advBytes, advStart[i], advStart[i + 1] - advStart[i]);
    }

    /** The advertisement decoded without copying, if it is a beacon format Holdfast knows. */
    public Optional<Advertisement> advertisement(int i) {
        check(i);
        return AdvertisementParser.parse(advBytes, advStart[i], advStart[i + 1] - advStart[i]);
    }

    /** The advertiser's address as {@code AA:BB:CC:DD:EE:FF}, or null if the device did not report it. */
    public @Nullable String mac(int i) {
        check(i);
        return mac[i] < 0 ? null : MacAddress.format(mac[i]);
    }

    /** All advertisements back to back; advertisement i starts at {@link #advFrom(int)}. Not a copy: do not change. */
    byte[] advBytes() {
        return advBytes;
    }

    int advFrom(int i) {
        check(i);
        return advStart[i];
    }

    int advLength(int i) {
        check(i);
        return advStart[i + 1] - advStart[i];
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
        private int[] advStart;
        private byte[] advBytes;

        Builder(int capacity) {
            t = new long[capacity];
            rssi = new int[capacity];
            mac = new long[capacity];
            advStart = new int[capacity + 1];
            advBytes = new byte[capacity * 32];
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
            ensureRow();
            ensureBytes(length);
            System.arraycopy(adv, offset, advBytes, advStart[size], length);
            return finishRow(t, rssi, length, mac);
        }

        /** Decodes {@code hexLength} hex digits (already checked) from ASCII bytes into the next row. */
        Builder addHexUnchecked(long t, int rssi, byte[] hex, int hexLength, long mac) {
            ensureRow();
            int length = hexLength / 2;
            ensureBytes(length);
            int at = advStart[size];
            for (int i = 0; i < length; i++) {
                advBytes[at + i] = (byte) (Hex.digit(hex[2 * i]) << 4 | Hex.digit(hex[2 * i + 1]));
            }
            return finishRow(t, rssi, length, mac);
        }

        private void ensureRow() {
            if (size == t.length) {
                int capacity = Math.max(16, size * 2);
                t = Arrays.copyOf(t, capacity);
                rssi = Arrays.copyOf(rssi, capacity);
                mac = Arrays.copyOf(mac, capacity);
                advStart = Arrays.copyOf(advStart, capacity + 1);
            }
        }

        private void ensureBytes(int length) {
            int needed = advStart[size] + length;
            if (needed > advBytes.length) {
                advBytes = Arrays.copyOf(advBytes, Math.max(needed, advBytes.length * 2));
            }
        }

        private Builder finishRow(long t, int rssi, int length, long mac) {
            this.t[size] = t;
            this.rssi[size] = rssi;
            this.mac[size] = mac;
            advStart[size + 1] = advStart[size] + length;
            size++;
            return this;
        }

        public BleSightings build() {
            BleSightings built = new BleSightings(this);
            t = new long[0];
            rssi = new int[0];
            mac = new long[0];
            advStart = new int[1];
            advBytes = new byte[0];
            size = 0;
            return built;
        }
    }
}
