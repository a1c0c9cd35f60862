package dev.holdfast.protocol;

/** Lower-case hex without allocation surprises. */
final class Hex {

    static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final byte[] VALUES = new byte[256];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < 16; i++) {
            VALUES["0123456789abcdef".charAt(i)] = (byte) i;
            VALUES["0123456789ABCDEF".charAt(i)] = (byte) i;
        }
    }

    /** Two hex digits (the first in the high byte of the index) to their byte value, or -1. */
    private static final short[] PAIRS = new short[1 << 16];

    static {
        java.util.Arrays.fill(PAIRS, (short) -1);
        for (int hi = 0; hi < 256; hi++) {
            for (int lo = 0; lo < 256; lo++) {
                if (VALUES[hi] >= 0 && VALUES[lo] >= 0) {
                    PAIRS[hi << 8 | lo] = (short) (VALUES[hi] << 4 | VALUES[lo]);
                }
            }
        }
    }

    private Hex() {
    }

    /** The byte two hex digits stand for (one lookup), or -1 if either is not a hex digit. */
    static int pair(byte hi, byte lo) {
        return PAIRS[(hi & 0xff) << 8 | lo & 0xff];
    }

    /** The value of one hex digit, or -1 (also for negative values: signed non-ASCII bytes, end of input). */
    static int digit(int c) {
        return (c & ~0xff) == 0 ? VALUES[c] : -1;
    }

    static String encode(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = (char) DIGITS[b >>> 4];
            out[2 * i + 1] = (char) DIGITS[b & 0xf];
        }
        return new String(out);
    }

    /** Decodes hex text; throws IllegalArgumentException if it is not an even number of hex digits. */
    static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex needs an even number of digits");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex.charAt(2 * i));
            int lo = digit(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit at " + (hi < 0 ? 2 * i : 2 * i + 1));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
