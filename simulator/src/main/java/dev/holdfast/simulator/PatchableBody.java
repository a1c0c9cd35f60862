package dev.holdfast.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;

/**
 * A gzip upload body whose batch id can be changed without compressing again, so a load run can send every upload
 * with a fresh id at no cost. The JSON is rearranged to put {@code batchId} last (field order is free); everything
 * before the id is deflated once, and the id and the closing brace go into a final <em>stored</em> (uncompressed)
 * deflate block. Changing the id rewrites those 36 bytes and the gzip trailer's CRC-32, continued from the CRC of the
 * unchanging prefix (38 bytes of CRC work per body).
 */
public final class PatchableBody {

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final byte[] ID_FIELD = "{\"batchId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    private final byte[] head; // gzip header, deflated prefix, stored-block header
    private final long prefixCrc;
    private final int jsonLength;
    private final int observations;

    private PatchableBody(byte[] head, long prefixCrc, int jsonLength, int observations) {
        this.head = head;
        this.prefixCrc = prefixCrc;
        this.jsonLength = jsonLength;
        this.observations = observations;
    }

    /** The body of {@code batch}, as {@link BatchCodec} writes it, with the id movable. */
    public static PatchableBody of(Batch batch, BatchCodec codec) {
        byte[] json = codec.encode(batch);
        int idEnd = ID_FIELD.length + 36;
        if (!java.util.Arrays.equals(json, 0, ID_FIELD.length, ID_FIELD, 0, ID_FIELD.length) || json[idEnd] != '"'
                || json[idEnd + 1] != ',' || json[json.length - 1] != '}') {
            throw new IllegalStateException("unexpected JSON layout from BatchCodec");
        }
        ByteArrayOutputStream prefix = new ByteArrayOutputStream(json.length);
        prefix.write('{');
        prefix.write(json, idEnd + 2, json.length - 1 - (idEnd + 2));
        prefix.writeBytes(",\"batchId\":\"".getBytes(StandardCharsets.US_ASCII));
        byte[] plain = prefix.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(plain);

        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4);
        out.writeBytes(GZIP_HEADER);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            byte[] buffer = new byte[64 * 1024];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH); // non-final, byte-aligned
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
        } finally {
            deflater.end();
        }
        int tail = 36 + 2; // the id and "}
        out.write(new byte[] {1, (byte) tail, (byte) (tail >> 8), (byte) ~tail, (byte) (~tail >> 8)}, 0, 5);
        return new PatchableBody(out.toByteArray(), crc.getValue(), plain.length + tail, batch.observationCount());
    }

    /** Size in bytes of every body this makes. */
    public int length() {
        return head.length + 38 + 8;
    }

    public int observations() {
        return observations;
    }

    /** The gzip body with {@code batchId}. */
    public byte[] withBatchId(UUID batchId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length());
        try {
            writeTo(out, batchId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Writes the gzip body with {@code batchId}. */
    public void writeTo(OutputStream out, UUID batchId) throws IOException {
        byte[] tail = new byte[38 + 8];
        byte[] id = batchId.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, tail, 0, 36);
        tail[36] = '"';
        tail[37] = '}';
        int crc = (int) crc(prefixCrc, tail, 38);
        putIntLe(tail, 38, crc);
        putIntLe(tail, 42, jsonLength);
        out.write(head);
        out.write(tail);
    }

    /** zlib's crc32(crc, bytes, length): continues a finished CRC-32 over more bytes. */
    static long crc(long crc, byte[] bytes, int length) {
        int c = ~(int) crc;
        for (int i = 0; i < length; i++) {
            c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
        }
        return ~c & 0xffffffffL;
    }

    private static void putIntLe(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
