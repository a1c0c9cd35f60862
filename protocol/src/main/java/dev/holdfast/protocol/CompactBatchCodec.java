package dev.holdfast.protocol;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The storage form of a {@link Batch}: its columns ({@link CompactColumns}), deflated. About 5 bytes per observation
 * for a typical batch where the gzip of the JSON needs about 12.5 and the JSON itself about 120.
 *
 * <p>Two storage formats (the {@code format} column beside a stored batch): {@link #DEFLATED} (1, written now) is the
 * columns deflated (raw deflate, fastest level); {@link #PLAIN} (2) is the columns as they are (about 6 bytes per
 * observation; read, and written only on request). Either may hold any column layout: the columns' first byte tells.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class CompactBatchCodec {

    /** Storage format 1: the columns deflated. */
    public static final int DEFLATED = 1;
    /** Storage format 2: the columns as they are. */
    public static final int PLAIN = 2;
    /** The storage format {@link #encode(Batch)} writes. */
    public static final int FORMAT = DEFLATED;

    /** The batch in storage form {@link #FORMAT}. */
    public byte[] encode(Batch batch) {
        return encode(batch, FORMAT);
    }

    /** The batch in storage form {@code format} ({@link #DEFLATED} or {@link #PLAIN}). */
    public byte[] encode(Batch batch, int format) {
        byte[] raw = CompactColumns.encode(batch, CompactColumns.LAYOUT_PAIRS);
        return switch (format) {
            case PLAIN -> raw;
            case DEFLATED -> deflate(raw);
            default -> throw new IllegalArgumentException("unknown compact batch format " + format);
        };
    }

    /**
     * The batch in storage form {@link #DEFLATED}, deflated with {@code deflater} (from {@link #newDeflater()}; reset
     * here, not ended): a caller that stores many batches keeps one per thread and saves zlib's set-up of its
     * tables for every batch.
     */
    public byte[] encode(Batch batch, Deflater deflater) {
        deflater.reset();
        return deflate(CompactColumns.encode(batch, CompactColumns.LAYOUT_PAIRS), deflater);
    }

    /** A deflater for {@link #encode(Batch, Deflater)}: raw deflate, fastest level. The caller ends it. */
    public static Deflater newDeflater() {
        return new Deflater(Deflater.BEST_SPEED, true);
    }

    static byte[] deflate(byte[] raw) {
        Deflater deflater = newDeflater();
        try {
            return deflate(raw, deflater);
        } finally {
            deflater.end();
        }
    }

    private static byte[] deflate(byte[] raw, Deflater deflater) {
        deflater.setInput(raw);
        deflater.finish();
        byte[] out = new byte[raw.length / 2 + 64];
        int n = 0;
        while (!deflater.finished()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += deflater.deflate(out, n, out.length - n);
        }
        return Arrays.copyOf(out, n);
    }

    /** Reads a batch written by {@link #encode(Batch)}. */
    public Batch decode(byte[] stored) {
        return decode(FORMAT, stored);
    }

    /**
     * Reads a batch stored in {@code format}.
     *
     * @throws IllegalArgumentException if the bytes are not a batch in that format
     */
    public Batch decode(int format, byte[] stored) {
        if (format == PLAIN) {
            return CompactColumns.decode(stored, stored.length);
        }
        if (format != DEFLATED) {
            throw new IllegalArgumentException("unknown compact batch format " + format);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored);
            byte[] raw = new byte[Math.max(256, stored.length * 3)];
            int n = 0;
            while (!inflater.finished()) {
                if (n == raw.length) {
                    raw = Arrays.copyOf(raw, raw.length * 2);
                }
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated compact batch");
                }
                n += got;
            }
            return CompactColumns.decode(raw, n);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a compact batch: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
