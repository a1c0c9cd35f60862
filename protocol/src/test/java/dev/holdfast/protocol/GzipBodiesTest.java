package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipBodiesTest {

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void inflatesIntoTheKeptBufferGrowsForALargeBodyAndLetsItGo() throws Exception {
        GzipBodies bodies = new GzipBodies(4 * 1024 * 1024);
        byte[] small = "{\"batchId\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = bodies.inflate(gzip(small), gzip(small).length);
        assertThat(Arrays.copyOf(bodies.buffer(), n)).isEqualTo(small);
        byte[] kept = bodies.buffer();

        byte[] large = new byte[GzipBodies.KEPT * 3 + 17];
        new Random(3).nextBytes(large);
        n = bodies.inflate(gzip(large), gzip(large).length);
        assertThat(n).isEqualTo(large.length);
        assertThat(Arrays.copyOf(bodies.buffer(), n)).isEqualTo(large);
        bodies.shrink();
        assertThat(bodies.buffer().length).isEqualTo(GzipBodies.KEPT);

        n = bodies.inflate(gzip(small), gzip(small).length); // the next body is whole again
        assertThat(Arrays.copyOf(bodies.buffer(), n)).isEqualTo(small);
        assertThat(kept.length).isEqualTo(GzipBodies.KEPT);
    }

    @Test
    void aBoundBelowTheLimitAnswersMinusOneWithoutGrowingTheBuffer() throws Exception {
        GzipBodies bodies = new GzipBodies(4 * 1024 * 1024);
        byte[] exactly = new byte[GzipBodies.KEPT];
        new Random(5).nextBytes(exactly);
        assertThat(bodies.inflate(gzip(exactly), gzip(exactly).length, GzipBodies.KEPT)).isEqualTo(GzipBodies.KEPT);
        byte[] oneMore = Arrays.copyOf(exactly, GzipBodies.KEPT + 1);
        assertThat(bodies.inflate(gzip(oneMore), gzip(oneMore).length, GzipBodies.KEPT)).isEqualTo(-1);
        assertThat(bodies.buffer().length).isEqualTo(GzipBodies.KEPT);
        // with the limit as the bound it goes through
        assertThat(bodies.inflate(gzip(oneMore), gzip(oneMore).length)).isEqualTo(GzipBodies.KEPT + 1);
        assertThat(Arrays.copyOf(bodies.buffer(), GzipBodies.KEPT + 1)).isEqualTo(oneMore);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAcceptedOneByteMoreIsNot() throws Exception {
        GzipBodies bodies = new GzipBodies(1000);
        assertThat(bodies.inflate(gzip(new byte[1000]), gzip(new byte[1000]).length)).isEqualTo(1000);
        assertThatThrownBy(() -> bodies.inflate(gzip(new byte[1001]), gzip(new byte[1001]).length))
                .isInstanceOf(BatchFormatException.class).hasMessageContaining("at most 1000 bytes");
    }

    @Test
    void aBombStopsAtTheLimit() throws Exception {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]); // 64 MiB of zeros, about 64 KB of gzip
        GzipBodies bodies = new GzipBodies(1024 * 1024);
        assertThatThrownBy(() -> bodies.inflate(bomb, bomb.length)).isInstanceOf(BatchFormatException.class)
                .hasMessageContaining("at most 1048576 bytes");
        assertThat(bodies.buffer().length).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void aDamagedBodyIsNotGzip() throws Exception {
        byte[] body = gzip("{\"sentAt\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] badCrc = body.clone();
        badCrc[badCrc.length - 5] ^= 1; // the CRC-32 in the trailer
        GzipBodies bodies = new GzipBodies(1024);
        assertThatThrownBy(() -> bodies.inflate(badCrc, badCrc.length)).isInstanceOf(IOException.class)
                .hasMessageContaining("not valid gzip");
        byte[] plain = "{\"sentAt\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> bodies.inflate(plain, plain.length)).isInstanceOf(IOException.class);
    }
}
