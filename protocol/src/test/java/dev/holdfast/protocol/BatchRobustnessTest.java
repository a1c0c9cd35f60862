package dev.holdfast.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives, decoding ends in a batch or a BatchFormatException, never in anything else. */
class BatchRobustnessTest {

    private static final byte[] VALID = """
            {"batchId":"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11","sentAt":1763892000000,"x":{"y":[1,"z\\u00e9",null]},
             "gps":[{"t":1763891100000,"lat":48.13743,"lon":11.57549,"acc":6.5,"alt":519.0,"speed":1.3,"bearing":88.0}],
             "ble":[{"t":1763891102500,"rssi":-71,"adv":"0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e000640000c5","mac":"C3:11:0A:5F:22:9B"}],
             "motion":[{"t":1763891100000,"dur":10000,"rms":0.42e0}]}
            """.getBytes(UTF_8);
    private static final byte[] ALPHABET = "{}[]\":,.-+eE0123456789abcdefnultr \\u\t\n\u0000".getBytes(UTF_8);

    private final BatchCodec codec = new BatchCodec();

    @Test
    void everyTruncationIsAFormatError() {
        for (int length = 0; length < VALID.length - 1; length++) { // the last byte is a trailing newline
            byte[] cut = Arrays.copyOf(VALID, length);
            assertThatThrownBy(() -> codec.decode(cut)).as(new String(cut, UTF_8))
                    .isInstanceOf(BatchFormatException.class);
        }
    }

    @Test
    void randomMutationsDecodeOrFailCleanly() {
        Random random = new Random(1);
        int decoded = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] mutated = VALID.clone();
            for (int k = random.nextInt(3); k >= 0; k--) {
                int at = random.nextInt(mutated.length);
                mutated[at] = random.nextBoolean() ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) random.nextInt(256);
            }
            decoded += decodesOrFailsCleanly(mutated) ? 1 : 0;
        }
        assertThat(decoded).as("some mutations (in white space or unknown fields) still decode").isPositive();
    }

    /**
     * The decoder reads keys, integers, advertisements and MAC addresses in place when they lie whole in its read
     * buffer, and by the general path otherwise. A stream handing out one byte per read never leaves a whole token in
     * the buffer, so it takes the general path everywhere: both must agree on every mutation, value for value and
     * error for error (kind, field and reason).
     */
    @Test
    void theInPlaceFastPathsAgreeWithTheGeneralPath() {
        Random random = new Random(3);
        byte[] ble = ("{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":1763892000000,\"ble\":["
                + "{\"t\":1763891102500,\"rssi\":-71,\"adv\":\"0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e00064\","
                + "\"mac\":\"C3:11:0A:5F:22:9B\"},{\"rssi\":0,\"t\":-0,\"mac\":null,\"adv\":\"\"}]}").getBytes(UTF_8);
        int decoded = 0;
        for (int i = 0; i < 40_000; i++) {
            byte[] mutated = (i % 2 == 0 ? VALID : ble).clone();
            for (int k = random.nextInt(3); k >= 0; k--) {
                int at = random.nextInt(mutated.length);
                mutated[at] = random.nextBoolean() ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) random.nextInt(256);
            }
            Object inPlace = outcome(() -> codec.decode(mutated));
            Object general = outcome(() -> codec.decode(new OneByteAtATime(mutated)));
            assertThat(inPlace).as(new String(mutated, UTF_8)).isEqualTo(general);
            // a body in a larger (pooled) buffer: what lies past its end must never be read as a continuation
            byte[] pooled = Arrays.copyOf(mutated, mutated.length + 64);
            Arrays.fill(pooled, mutated.length, pooled.length, PAST_END[i % PAST_END.length]);
            assertThat(outcome(() -> codec.decode(pooled, mutated.length))).as(new String(mutated, UTF_8))
                    .isEqualTo(general);
            decoded += inPlace instanceof Batch ? 1 : 0;
        }
        assertThat(decoded).as("some mutations still decode").isPositive();
    }

    private static final byte[] PAST_END = "0\"}]:,9ae".getBytes(UTF_8);

    private interface Decoding {
        Batch decode() throws Exception;
    }

    /** The batch (compared by value), or the error's kind, field and reason. */
    private static Object outcome(Decoding decoding) {
        try {
            return decoding.decode();
        } catch (BatchFormatException e) {
            return "error " + e.kind() + " " + e.field() + " " + e.reason();
        } catch (Exception e) {
            return "unexpected " + e;
        }
    }

    /** A stream that never hands out more than one byte at a time. */
    private static final class OneByteAtATime extends java.io.InputStream {
        private final byte[] bytes;
        private int at;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == bytes.length) {
                return -1;
            }
            b[off] = bytes[at++];
            return 1;
        }
    }

    @Test
    void randomBytesFailCleanly() {
        Random random = new Random(2);
        for (int i = 0; i < 50_000; i++) {
            byte[] noise = new byte[random.nextInt(120)];
            for (int k = 0; k < noise.length; k++) {
                noise[k] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
            }
            if (noise.length > 0 && random.nextBoolean()) {
                noise[0] = '{';
            }
            decodesOrFailsCleanly(noise);
        }
    }

    @Test
    void deepNestingInAnUnknownFieldIsAFormatErrorNotAStackOverflow() {
        String json = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> codec.decode(json.getBytes(UTF_8)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("x");
                    assertThat(e.reason()).contains("nested more than 64 levels");
                });
        String shallow = "{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":1,\"x\":"
                + "[{\"a\":".repeat(30) + "1" + "}]".repeat(30) + "}";
        assertThat(decodesOrFailsCleanly(shallow.getBytes(UTF_8))).isTrue();
    }

    private boolean decodesOrFailsCleanly(byte[] json) {
        try {
            codec.decode(json);
            return true;
        } catch (BatchFormatException e) {
            assertThat(e.field()).isNotBlank();
            assertThat(e.reason()).isNotBlank();
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            fail("decoding threw " + e + " for " + new String(json, UTF_8), e);
            return false;
        }
    }
}
