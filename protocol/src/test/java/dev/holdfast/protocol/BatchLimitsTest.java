package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchFormatException.Kind.TOO_LARGE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BatchLimitsTest {

    private static final String HEAD = "{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":1,";
    private static final String FIX = "{\"t\":1,\"lat\":1.5,\"lon\":2.5,\"acc\":3}";
    private static final String SIGHTING = "{\"t\":1,\"rssi\":-60,\"adv\":\"020106\"}";
    private static final String WINDOW = "{\"t\":1,\"dur\":1000,\"rms\":0.1}";

    private final BatchCodec codec = new BatchCodec();

    @Test
    void acceptsTwentyThousandObservations() throws Exception {
        Batch batch = codec.decode(batch(10_000, 5_000, 5_000));
        assertThat(batch.observationCount()).isEqualTo(20_000);
        assertThat(batch.gps().lat(9_999)).isEqualTo(1.5);
        assertThat(batch.ble().advHex(4_999)).isEqualTo("020106");
    }

    @Test
    void rejectsTheObservationAfterTheTwentyThousandthAcrossAllArrays() {
        assertThatThrownBy(() -> codec.decode(batch(10_000, 5_000, 5_001)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TOO_LARGE);
                    assertThat(e.field()).isEqualTo("motion[5000]");
                    assertThat(e.reason()).contains("at most 20000 observations");
                });
    }

    @Test
    void stopsReadingAtTheLimitInsteadOfBuildingEverything() {
        // an endless array of fixes: decoding must give up after the 20,000th, having read little more
        CountingEndlessFixes in = new CountingEndlessFixes();
        assertThatThrownBy(() -> codec.decode(in))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> assertThat(e.field()).isEqualTo("gps[20000]"));
        long needed = HEAD.length() + 8 + 20_001L * (FIX.length() + 1);
        assertThat(in.served).isBetween(needed - FIX.length(), needed + 16 * 1024);
    }

    @Test
    void honoursOtherLimits() throws Exception {
        BatchCodec small = new BatchCodec(new BatchLimits(3));
        assertThat(small.decode(batch(1, 1, 1)).observationCount()).isEqualTo(3);
        assertThatThrownBy(() -> small.decode(batch(0, 4, 0)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> assertThat(e.field()).isEqualTo("ble[3]"));
    }

    @Test
    void rejectsDocumentsLargerThanTheByteLimitWhileReading() {
        BatchCodec small = new BatchCodec(new BatchLimits(20_000, 100_000));
        assertThatThrownBy(() -> small.decode(batch(5_000, 0, 0)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TOO_LARGE);
                    assertThat(e.field()).isEqualTo("$");
                    assertThat(e.reason()).isEqualTo("a batch may be at most 100000 bytes");
                });
        // endless white space never completes a value, so only the byte limit can stop it
        InputStream spaces = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertThatThrownBy(() -> small.decode(spaces)).isInstanceOfSatisfying(BatchFormatException.class,
                e -> assertThat(e.kind()).isEqualTo(TOO_LARGE));
        assertThat(BatchLimits.DEFAULT).isEqualTo(new BatchLimits(20_000, 8 * 1024 * 1024));
    }

    private static byte[] batch(int fixes, int sightings, int windows) {
        StringBuilder json = new StringBuilder(HEAD);
        json.append("\"gps\":[").append(repeat(FIX, fixes)).append("],\"ble\":[").append(repeat(SIGHTING, sightings))
                .append("],\"motion\":[").append(repeat(WINDOW, windows)).append("]}");
        return json.toString().getBytes(UTF_8);
    }

    private static String repeat(String element, int times) {
        return times == 0 ? "" : (element + ",").repeat(times - 1) + element;
    }

    /** {@code HEAD "gps":[FIX,FIX,FIX,…} without end, counting the bytes handed out. */
    private static final class CountingEndlessFixes extends InputStream {
        private final byte[] head = (HEAD + "\"gps\":[").getBytes(UTF_8);
        private final byte[] fix = (FIX + ",").getBytes(UTF_8);
        long served;

        @Override
        public int read() {
            long at = served++;
            return at < head.length ? head[(int) at] : fix[(int) ((at - head.length) % fix.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }
}
