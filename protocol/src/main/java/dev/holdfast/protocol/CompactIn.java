package dev.holdfast.protocol;

import java.util.Arrays;

/**
 * Reads what {@link CompactOut} wrote, bounds-checked: a truncated or malformed input, a count larger than the input
 * could hold, or a dictionary index out of range is an {@link IllegalArgumentException}, never a huge allocation.
 */
final class CompactIn {

    private final byte[] buf;
    private final int length;
    private int pos;

    CompactIn(byte[] buf, int length) {
        this.buf = buf;
        this.length = length;
    }

    boolean atEnd() {
        return pos == length;
    }

    int byteValue() {
        if (pos >= length) {
            throw new IllegalArgumentException("truncated compact batch");
        }
        return buf[pos++] & 0xFF;
    }

    long longBytes() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | byteValue();
        }
        return v;
    }

    long unsigned() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = byteValue();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    long signed() {
        long v = unsigned();
        return v >>> 1 ^ -(v & 1);
    }

    int count() {
        long v = unsigned();
        if (v > length) { // every element takes at least one byte
            throw new IllegalArgumentException("count out of range");
        }
        return (int) v;
    }

    int index(int size) {
        long v = unsigned();
        if (v >= size) {
            throw new IllegalArgumentException("index out of range");
        }
        return (int) v;
    }

    byte[] bytes(int n) {
        if (pos + n > length) {
            throw new IllegalArgumentException("truncated compact batch");
        }
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }
}
