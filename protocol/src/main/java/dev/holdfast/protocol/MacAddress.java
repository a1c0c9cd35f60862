package dev.holdfast.protocol;

/** A Bluetooth address kept as the low 48 bits of a long; -1 means "none" or "not an address". */
final class MacAddress {

    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

    private MacAddress() {
    }

    /** Parses {@code AA:BB:CC:DD:EE:FF} (either case) or returns -1. */
    static long parse(CharSequence text, int from, int to) {
        if (to - from != 17) {
            return -1;
        }
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            int at = from + 3 * i;
            if (i > 0 && text.charAt(at - 1) != ':') {
                return -1;
            }
            int hi = Hex.digit(text.charAt(at));
            int lo = Hex.digit(text.charAt(at + 1));
            if (hi < 0 || lo < 0) {
                return -1;
            }
            bits = bits << 8 | hi << 4 | lo;
        }
        return bits;
    }

    /** Parses ASCII bytes {@code AA:BB:CC:DD:EE:FF} (either case) or returns -1. */
    static long parse(byte[] text, int from, int to) {
        if (to - from != 17) {
            return -1;
        }
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            int at = from + 3 * i;
            if (i > 0 && text[at - 1] != ':') {
                return -1;
            }
            int hi = Hex.digit(text[at]);
            int lo = Hex.digit(text[at + 1]);
            if (hi < 0 || lo < 0) {
                return -1;
            }
            bits = bits << 8 | hi << 4 | lo;
        }
        return bits;
    }

    /** {@code AA:BB:CC:DD:EE:FF}, upper case as on the wire. */
    static String format(long bits) {
        char[] out = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (bits >>> (40 - 8 * i)) & 0xff;
            out[3 * i] = UPPER[b >>> 4];
            out[3 * i + 1] = UPPER[b & 0xf];
            if (i < 5) {
                out[3 * i + 2] = ':';
            }
        }
        return new String(out);
    }
}
