package dev.holdfast.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@link BatchDecoder}'s fast path for BLE sightings when the whole document lies in one buffer: a sighting in the
 * form collectors write — {@code {"t":…,"rssi":…,"adv":"…","mac":"AA:BB:CC:DD:EE:FF"}}, no white space, valid values
 * — is read straight through, eight bytes at a time where it can. A tag repeats its advertisement, so hex text seen
 * before in the document is recognised where it lies (by a hash of its length and last 16 characters, where tags tell
 * themselves apart: iBeacon major/minor, Eddystone instance; equal hashes are told apart by comparing the whole text)
 * and not decoded again; and an advertisement mostly comes from one address, so its last MAC's text is compared
 * before a MAC is parsed. One instance per document: the positions it remembers are positions in that buffer.
 */
final class InPlaceSightings {

    /** The longest advertisement, in bytes, that {@link BatchValidator#advLength} lets through. */
    static final int MAX_ADV = 255;

    private static final long OPEN_T = word("{\"t\":");
    private static final long RSSI = word(",\"rssi\":");
    private static final long ADV = word(",\"adv\":\"");
    private static final long MAC = word(",\"mac\":\"");

    private final byte[] buf;
    private final ByteBuffer view;
    private final byte[] adv = new byte[MAX_ADV];

    private int[] slots; // entry + 1, 0 = empty
    private int[] from; // where entry e's hex text starts in buf
    private int[] end; // and ends (the closing quote)
    private int[] id; // its distinct advertisement (BleSightings.Builder#intern)
    private int[] macAt; // where the MAC text of its last sighting starts in buf (-1: none yet)
    private long[] mac; // and that MAC
    private int count;

    /** @param view {@code buf} as a little-endian {@link ByteBuffer} */
    InPlaceSightings(byte[] buf, ByteBuffer view) {
        this.buf = buf;
        this.view = view;
    }

    /**
     * Reads the sighting at {@code pos} (its opening brace) if it has the collectors' form and valid values, adds it to
     * {@code b} and answers the position after its closing brace; anything else answers -1 and adds nothing, for the
     * general path to read it or to name what is wrong with it.
     */
    int read(int pos, int lim, BleSightings.Builder b) {
        int p = pos;
        if (p + 8 > lim || (view.getLong(p) & 0xFF_FFFF_FFFFL) != OPEN_T) {
            return -1;
        }
        p += 5;
        int start = p;
        long t = 0;
        int d;
        while (p < lim && p - start < 18 && (d = buf[p] - '0') >= 0 && d <= 9) {
            t = t * 10 + d;
            p++;
        }
        if (p == start || buf[start] == '0' || p + 8 > lim || view.getLong(p) != RSSI || t <= 0) {
            return -1;
        }
        p += 8;
        boolean negative = p < lim && buf[p] == '-';
        if (negative) {
            p++;
        }
        start = p;
        int rssi = 0;
        while (p < lim && p - start < 3 && (d = buf[p] - '0') >= 0 && d <= 9) {
            rssi = rssi * 10 + d;
            p++;
        }
        if (negative) {
            rssi = -rssi;
        }
        if (p == start || buf[start] == '0' && p > start + 1 || p + 8 > lim || view.getLong(p) != ADV
                || BatchValidator.rssi(rssi) != null) {
            return -1;
        }
        p += 8;
        int hexFrom = p;
        int hexEnd = quote(hexFrom, Math.min(lim, hexFrom + 2 * MAX_ADV + 1));
        if (hexEnd < 0 || hexEnd - hexFrom < 4 || (hexEnd - hexFrom & 1) != 0) {
            return -1;
        }
        int e = entry(hexFrom, hexEnd);
        if (e < 0) {
            int length = 0;
            for (int q = hexFrom; q < hexEnd; q += 2) {
                int value = Hex.pair(buf[q], buf[q + 1]);
                if (value < 0) {
                    return -1;
                }
                adv[length++] = (byte) value;
            }
            e = remember(hexFrom, hexEnd, b.intern(adv, 0, length));
        }
        p = hexEnd + 1;
        if (p + 8 + 19 > lim || view.getLong(p) != MAC || buf[p + 25] != '"' || buf[p + 26] != '}') {
            return -1;
        }
        p += 8;
        long address;
        int last = macAt[e];
        if (last >= 0 && view.getLong(p) == view.getLong(last) && view.getLong(p + 8) == view.getLong(last + 8)
                && buf[p + 16] == buf[last + 16]) {
            address = mac[e];
        } else {
            address = MacAddress.parse(buf, p, p + 17);
            if (address < 0) {
                return -1;
            }
            macAt[e] = p;
            mac[e] = address;
        }
        b.addUnchecked(t, rssi, id[e], address);
        return p + 19;
    }

    /** The distinct advertisement of hex text {@code buf[from, end)} if the same text came before, else -1. */
    int known(int hexFrom, int hexEnd) {
        int e = entry(hexFrom, hexEnd);
        return e < 0 ? -1 : id[e];
    }

    /** Remembers hex text {@code buf[from, end)} as distinct advertisement {@code advId}; answers its entry. */
    int remember(int hexFrom, int hexEnd, int advId) {
        if (slots == null) {
            slots = new int[64];
            from = new int[16];
            end = new int[16];
            id = new int[16];
            macAt = new int[16];
            mac = new long[16];
        }
        if (count == from.length) {
            from = Arrays.copyOf(from, count * 2);
            end = Arrays.copyOf(end, count * 2);
            id = Arrays.copyOf(id, count * 2);
            macAt = Arrays.copyOf(macAt, count * 2);
            mac = Arrays.copyOf(mac, count * 2);
        }
        from[count] = hexFrom;
        end[count] = hexEnd;
        id[count] = advId;
        macAt[count] = -1;
        count++;
        if (count * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int e = 0; e < count; e++) {
                place(e);
            }
        } else {
            place(count - 1);
        }
        return count - 1;
    }

    /** The index of the first {@code '"'} in {@code buf[from, to)}, or -1; eight bytes at a time where it can. */
    int quote(int at, int to) {
        int p = at;
        while (p + 8 <= to) {
            long x = view.getLong(p) ^ 0x2222_2222_2222_2222L; // a '"' byte becomes zero
            long zero = (x - 0x0101_0101_0101_0101L) & ~x & 0x8080_8080_8080_8080L;
            if (zero != 0) {
                return p + (Long.numberOfTrailingZeros(zero) >>> 3); // the lowest flag is always a real zero byte
            }
            p += 8;
        }
        while (p < to) {
            if (buf[p] == '"') {
                return p;
            }
            p++;
        }
        return -1;
    }

    /** The first (up to) 8 bytes of {@code ascii} as a little-endian word, as {@link ByteBuffer#getLong} reads them. */
    static long word(byte[] ascii) {
        long w = 0;
        for (int i = Math.min(8, ascii.length) - 1; i >= 0; i--) {
            w = w << 8 | ascii[i] & 0xff;
        }
        return w;
    }

    private static long word(String ascii) {
        return word(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private int entry(int hexFrom, int hexEnd) {
        if (count == 0) {
            return -1;
        }
        int mask = slots.length - 1;
        int length = hexEnd - hexFrom;
        for (int slot = hash(hexFrom, hexEnd) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int e = slots[slot] - 1;
            if (end[e] - from[e] == length && Arrays.equals(buf, hexFrom, hexEnd, buf, from[e], end[e])) {
                return e;
            }
        }
        return -1;
    }

    private void place(int e) {
        int mask = slots.length - 1;
        int slot = hash(from[e], end[e]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = e + 1;
    }

    private int hash(int hexFrom, int hexEnd) {
        long h = hexEnd - hexFrom;
        if (hexEnd - hexFrom >= 16) {
            h ^= view.getLong(hexEnd - 16) * 0x9E37_79B9_7F4A_7C15L ^ view.getLong(hexEnd - 8) * 0xC2B2_AE3D_27D4_EB4FL;
        } else {
            for (int k = hexFrom; k < hexEnd; k++) {
                h = 31 * h + buf[k];
            }
        }
        return (int) (h ^ h >>> 29 ^ h >>> 47);
    }
}
