package dev.holdfast.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Inflates gzip bodies into a buffer it keeps for the next one, so that {@link BatchCodec#decode(byte[], int)} reads
 * the whole document where it lies. The buffer grows up to the limit for a large body and is let go after it
 * ({@link #shrink()}). Stops as soon as the inflated size passes the limit, so a gzip bomb costs at most that much
 * inflating; the gzip trailer (CRC-32, length) is checked. Not thread-safe: one per thread that inflates.
 */
public final class GzipBodies {

    /** The buffer kept between bodies: a reference batch inflates to about 130 KB. */
    public static final int KEPT = 256 * 1024;

    private final int maxBytes;
    private byte[] buffer = new byte[0]; // allocated by the first body: an instance that is never used costs nothing

    /** @param maxBytes the most an inflated body may hold */
    public GzipBodies(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Inflates {@code body[0, length)} into {@link #buffer()} and answers the inflated length.
     *
     * @throws BatchFormatException {@code TOO_LARGE} at the path {@code $} past the limit
     * @throws IOException if the body is not valid gzip
     */
    public int inflate(byte[] body, int length) throws IOException, BatchFormatException {
        return inflate(body, length, maxBytes);
    }

    /**
     * Inflates {@code body[0, length)} into {@link #buffer()}, but no more than {@code upTo} bytes (at most the
     * limit): answers the inflated length, or -1 if the body inflates to more than {@code upTo} (below the limit) — the
     * caller may then try again with a higher bound. {@link #KEPT} bytes never grow the buffer.
     *
     * @throws BatchFormatException {@code TOO_LARGE} at the path {@code $} past the limit
     * @throws IOException if the body is not valid gzip
     */
    public int inflate(byte[] body, int length, int upTo) throws IOException, BatchFormatException {
        int bound = Math.min(upTo, maxBytes);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body, 0, length), 4096)) {
            int n = 0;
            while (true) {
                if (n >= bound) { // at the bound: one byte more is too much
                    if (in.read() < 0) {
                        return n;
                    }
                    if (bound < maxBytes) {
                        return -1;
                    }
                    throw new BatchFormatException(BatchFormatException.Kind.TOO_LARGE, "$",
                            "a batch may be at most " + maxBytes + " bytes");
                }
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(bound, Math.max(KEPT, 2L * n)));
                }
                int got = in.read(buffer, n, Math.min(buffer.length, bound) - n);
                if (got < 0) {
                    return n;
                }
                n += got;
            }
        } catch (ZipException e) {
            throw new IOException("the body is not valid gzip", e);
        }
    }

    /** Where the last body was inflated to; valid until the next {@link #inflate} or {@link #shrink}. */
    public byte[] buffer() {
        return buffer;
    }

    /** Lets go of a buffer grown past the kept size for a large body. */
    public void shrink() {
        if (buffer.length > KEPT) {
            buffer = new byte[KEPT];
        }
    }
}
