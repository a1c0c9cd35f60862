package dev.holdfast.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reads and writes a {@link Batch} as the JSON of API.md ({@code POST /api/v1/ingest/batches}).
 *
 * <p><b>Why a hand-written reader instead of Jackson:</b> the schema is one fixed, shallow document, and
 * the server must read millions of observations a second. Reading bytes straight into the primitive
 * columns of {@link GpsFixes}/{@link BleSightings}/{@link MotionWindows} avoids a token object, a string
 * and a boxed number per value; validating each value the moment it is read gives the exact path of the
 * first bad field ({@code gps[3].lat}) and lets the observation limit stop reading at the 20,001st
 * observation instead of after building them all. It also keeps this module free of dependencies: the
 * server uses Jackson 3, Android apps often Jackson 2 or none, and no version has to agree.
 *
 * <p>Decoding is tolerant of field order, white space and unknown fields (skipped, nesting at most 64
 * deep), and strict on types: integers ({@code t}, {@code sentAt}, {@code rssi}, {@code dur}) must be
 * written without fraction or exponent, numbers must not be strings, required fields must not be
 * {@code null}. {@code null} stands for "absent" for the optional {@code alt}, {@code speed},
 * {@code bearing}, {@code mac} and for the three arrays (which may also be left out). A field given twice
 * is an error. Bytes inside strings are not checked to be valid UTF-8; every value the schema reads is
 * ASCII and checked as such.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BatchCodec {

    private final BatchLimits limits;

    public BatchCodec() {
        this(BatchLimits.DEFAULT);
    }

    public BatchCodec(BatchLimits limits) {
        this.limits = limits;
    }

    public BatchLimits limits() {
        return limits;
    }

    /**
     * Reads one batch from UTF-8 JSON; reads the stream to its end (to reject trailing content) but does
     * not close it.
     *
     * @throws BatchFormatException naming the first bad field, or of kind
     *                              {@link BatchFormatException.Kind#TOO_LARGE} past a limit
     * @throws IOException          if the stream fails
     */
    public Batch decode(InputStream json) throws IOException, BatchFormatException {
        return new BatchDecoder(json, limits).decode();
    }

    /** Reads one batch from UTF-8 JSON bytes. */
    public Batch decode(byte[] json) throws BatchFormatException {
        return decode(json, json.length);
    }

    /**
     * Reads one batch from the UTF-8 JSON in {@code json[0, length)}, where it lies: the fastest way, for a body
     * already in memory. The array must not change meanwhile; the batch keeps no reference to it.
     */
    public Batch decode(byte[] json, int length) throws BatchFormatException {
        if (length < 0 || length > json.length) {
            throw new IndexOutOfBoundsException("length " + length + " of " + json.length + " bytes");
        }
        try {
            return new BatchDecoder(json, length, limits).decode();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // there is no stream to fail
        }
    }

    /** Writes the batch as compact UTF-8 JSON and flushes; does not close the stream. */
    public void encode(Batch batch, OutputStream out) throws IOException {
        new BatchEncoder(out).write(batch);
    }

    /** The batch as compact UTF-8 JSON. */
    public byte[] encode(Batch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 80 * batch.observationCount());
        try {
            encode(batch, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
