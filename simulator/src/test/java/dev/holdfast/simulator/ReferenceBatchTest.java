package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.TagId;
import org.junit.jupiter.api.Test;

class ReferenceBatchTest {

    private final BatchCodec codec = new BatchCodec();
    private final long sentAt = 1_763_892_000_000L;

    @Test
    void fifteenMinutesOfOneCollectorIs1080Observations() throws Exception {
        Batch batch = ReferenceBatch.build(UUID.randomUUID(), sentAt, 42);
        assertThat(batch.gps()).hasSize(90);
        assertThat(batch.ble()).hasSize(900);
        assertThat(batch.motion()).hasSize(90);
        assertThat(batch.observationCount()).isEqualTo(1080);

        assertThat(codec.decode(codec.encode(batch))).isEqualTo(batch);

        Set<TagId> heard = new HashSet<>();
        for (int i = 0; i < batch.ble().size(); i++) {
            assertThat(batch.ble().t(i)).isBetween(sentAt - ReferenceBatch.SPAN_MS, sentAt);
            assertThat(batch.ble().get(i).rssi()).isBetween(-100, 0);
            heard.add(batch.ble().get(i).advertisement().orElseThrow().tagId().orElseThrow());
        }
        assertThat(heard).hasSizeGreaterThan(3);
        for (int i = 0; i < batch.gps().size(); i++) {
            assertThat(batch.gps().t(i)).isBetween(sentAt - ReferenceBatch.SPAN_MS, sentAt);
        }
        assertThat(ReferenceBatch.build(batch.batchId(), sentAt, 42)).as("same seed, same batch").isEqualTo(batch);
    }

    @Test
    void aPatchedBodyIsValidGzipOfTheSameBatchWithTheNewId() throws Exception {
        Batch batch = ReferenceBatch.build(UUID.randomUUID(), sentAt, 7);
        PatchableBody body = PatchableBody.of(batch, codec);
        assertThat(body.observations()).isEqualTo(1080);
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            byte[] gzip = body.withBatchId(id);
            assertThat(gzip).hasSize(body.length());
            Batch decoded;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) { // checks CRC-32 and size
                decoded = codec.decode(in);
            }
            assertThat(decoded.batchId()).isEqualTo(id);
            assertThat(decoded).isEqualTo(new Batch(id, batch.sentAt(), batch.gps(), batch.ble(), batch.motion()));
        }
        assertThat(body.length()).as("compressed about tenfold").isLessThan(codec.encode(batch).length / 5);
    }

    @Test
    void crcContinuesLikeZlib() {
        byte[] bytes = "the quick brown fox".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 whole = new java.util.zip.CRC32();
        whole.update(bytes);
        java.util.zip.CRC32 head = new java.util.zip.CRC32();
        head.update(bytes, 0, 4);
        byte[] rest = java.util.Arrays.copyOfRange(bytes, 4, bytes.length);
        assertThat(PatchableBody.crc(head.getValue(), rest, rest.length)).isEqualTo(whole.getValue());
    }
}
