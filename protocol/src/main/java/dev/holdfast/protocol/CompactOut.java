package dev.holdfast.protocol;

import java.util.Arrays;

/** A growing byte buffer for {@link CompactBatchCodec}: bytes, big-endian longs and LEB128 varints (zig-zag when signed). */
final class CompactOut {

    private byte[] buf;
    private int pos;

    CompactOut(int capacity) {
        buf = new byte[capacity];
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
        }
    }

    void byteValue(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    void longBytes(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    void unsigned(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void signed(long v) {
        unsigned(v << 1 ^ v >> 63);
    }

    void bytes(byte[] b, int from, int length) {
        ensure(length);
        System.arraycopy(b, from, buf, pos, length);
        pos += length;
    }

    void append(CompactOut other) {
        ensure(other.pos);
        System.arraycopy(other.buf, 0, buf, pos, other.pos);
        pos += other.pos;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
