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
