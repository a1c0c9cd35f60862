package dev.holdfast.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

    private static final String IBEACON = "02011a1aff4c000215e2c56db5dffb48d2b060d0f5a71096e000640000c5";
    private final BatchCodec codec = new BatchCodec();

    @Test
    void decodesTheExampleOfTheApiDocumentation() throws Exception {
        // API.md's example, with the elided advertisement completed by a real iBeacon record (ble_monitor)
        String json = """
                {
                  "batchId": "5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11",
                  "sentAt": 1763892000000,
                  "gps":    [{"t": 1763891100000, "lat": 48.13743, "lon": 11.57549, "acc": 6.5,
                              "alt": 519.0, "speed": 1.3, "bearing": 88.0}],
                  "ble":    [{"t": 1763891102500, "rssi": -71, "adv": "%s", "mac": "C3:11:0A:5F:22:9B"}],
                  "motion": [{"t": 1763891100000, "dur": 10000, "rms": 0.42}]
                }
                """.formatted(IBEACON);

        Batch batch = codec.decode(json.getBytes(UTF_8));

        assertThat(batch.batchId()).isEqualTo(UUID.fromString("5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11"));
        assertThat(batch.sentAt()).isEqualTo(1763892000000L);
        assertThat(batch.gps()).containsExactly(new GpsFix(1763891100000L, 48.13743, 11.57549, 6.5f, 519.0, 1.3f, 88.0f));
        assertThat(batch.ble()).containsExactly(
                new BleSighting(1763891102500L, -71, HexFormat.of().parseHex(IBEACON), "C3:11:0A:5F:22:9B"));
        assertThat(batch.motion()).containsExactly(new MotionWindow(1763891100000L, 10000, 0.42f));
        assertThat(batch.observationCount()).isEqualTo(3);

        BleSightings ble = batch.ble();
        assertThat(ble.advertisement(0).flatMap(Advertisement::tagId)).map(TagId::toString)
                .contains("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0");
        assertThat(ble.macTagId(0)).hasToString("mac:c3:11:0a:5f:22:9b");
        assertThat(ble.advHex(0)).isEqualTo(IBEACON);
    }

    @Test
    void roundTripsEveryValueAndEveryOptionalCombination() throws Exception {
        GpsFixes.Builder gps = GpsFixes.builder();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            gps.add(1_700_000_000_000L + i, random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180,
                    random.nextFloat() * 50,
                    (i & 1) == 0 ? Double.NaN : random.nextDouble() * 9000 - 500,
                    (i & 2) == 0 ? Float.NaN : random.nextFloat() * 40,
                    (i & 4) == 0 ? Float.NaN : random.nextFloat() * 359.99f);
        }
        gps.add(1, -90, -180, 0, -0.0, 0, 0).add(Long.MAX_VALUE, 90, 180, Float.MAX_VALUE, 1e300, 0, 359.99f);
        BleSightings.Builder ble = BleSightings.builder();
        byte[] longest = new byte[255];
        random.nextBytes(longest);
        ble.add(5, -127, new byte[] {2, 1}, null).add(6, 20, longest, "aa:bb:cc:dd:ee:ff")
                .add(7, -71, HexFormat.of().parseHex(IBEACON), "C3:11:0A:5F:22:9B");
        MotionWindows.Builder motion = MotionWindows.builder().add(8, 1, 0).add(9, Integer.MAX_VALUE, 12.5f);
        Batch batch = new Batch(UUID.randomUUID(), 1763892000000L, gps.build(), ble.build(), motion.build());

        byte[] json = codec.encode(batch);
        Batch decoded = codec.decode(json);

        assertThat(decoded).isEqualTo(batch);
        assertThat(decoded.ble().mac(1)).isEqualTo("AA:BB:CC:DD:EE:FF");
        assertThat(Double.doubleToRawLongBits(decoded.gps().alt(200))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(codec.encode(decoded)).isEqualTo(json);
    }

    @Test
    void encodesCompactJsonWithoutAbsentValues() {
        Batch batch = Batch.of(UUID.fromString("5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11"), 1763892000000L,
                List.of(new GpsFix(1763891100000L, 48.13743, 11.57549, 6.5f)),
                List.of(new BleSighting(1763891102500L, -71, new byte[] {2, 1, 6}, null)),
                List.of(new MotionWindow(1763891100000L, 10000, 0.42f)));

        assertThat(new String(codec.encode(batch), UTF_8)).isEqualTo(
                "{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":1763892000000,"
                + "\"gps\":[{\"t\":1763891100000,\"lat\":48.13743,\"lon\":11.57549,\"acc\":6.5}],"
                + "\"ble\":[{\"t\":1763891102500,\"rssi\":-71,\"adv\":\"020106\"}],"
                + "\"motion\":[{\"t\":1763891100000,\"dur\":10000,\"rms\":0.42}]}");
    }

    @Test
    void encodesToAStreamLargerThanItsBuffer() throws Exception {
        MotionWindows.Builder motion = MotionWindows.builder();
        for (int i = 1; i <= 5000; i++) {
            motion.add(i, i, i / 7f);
        }
        Batch batch = new Batch(UUID.randomUUID(), 1, GpsFixes.empty(), BleSightings.empty(), motion.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(batch, out);
        assertThat(out.size()).isGreaterThan(100_000);
        assertThat(codec.decode(out.toByteArray())).isEqualTo(batch);
    }

    @Test
    void toleratesFieldOrderWhiteSpaceUnknownFieldsAndNullOptionals() throws Exception {
        String json = "\uFEFF \r\n\t{ \"future\" : {\"nested\": [1, -2.5e-3, true, false, null, \"\\\"}]\\u00e9\", {}, []]},"
                + "\"motion\":null,"
                + "\"gps\":[{\"acc\":3,\"bearing\":null,\"lon\":-0.5,\"extra\":\"x\",\"\\u0074\":12,\"lat\":1E1,"
                + "\"alt\":null,\"speed\":null}],"
                + "\"sentAt\":99, \"batchId\":\"5B0A3C1E-6C1F-4A53-9B59-0D7E8E4D2F11\","
                + "\"ble\":[{\"mac\":null,\"adv\":\"0201\",\"rssi\":0,\"t\":3,\"note\":\"héllo ✓\"}]"
                + "}  \n";

        Batch batch = codec.decode(json.getBytes(UTF_8));

        assertThat(batch.batchId()).isEqualTo(UUID.fromString("5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11"));
        assertThat(batch.sentAt()).isEqualTo(99);
        assertThat(batch.gps()).containsExactly(new GpsFix(12, 10, -0.5, 3));
        assertThat(batch.ble()).containsExactly(new BleSighting(3, 0, new byte[] {2, 1}, null));
        assertThat(batch.motion()).isEmpty();
    }

    @Test
    void leftOutArraysAreEmpty() throws Exception {
        Batch batch = codec.decode("{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":1}".getBytes(UTF_8));
        assertThat(batch.observationCount()).isZero();
    }

    @Test
    void convertsNumbersExactlyAsTheJdkDoes() throws Exception {
        Random random = new Random(11);
        StringBuilder gps = new StringBuilder();
        int count = 3000;
        String[] lats = new String[count];
        String[] accs = new String[count];
        for (int i = 0; i < count; i++) {
            lats[i] = switch (i % 5) {
                case 0 -> Double.toString(random.nextDouble() * 180 - 90);          // shortest repr, up to 17 digits
                case 1 -> String.format(java.util.Locale.ROOT, "%.7f", random.nextDouble() * 180 - 90);    // typical GPS output
                case 2 -> (random.nextInt(89) + 1) + "." + "0".repeat(random.nextInt(20)) + random.nextInt(1000);
                case 3 -> random.nextInt(9000) + "e-" + (2 + random.nextInt(30));  // exponents
                default -> "0.1234567890123456789012345";                            // more digits than kept
            };
            accs[i] = i % 2 == 0 ? Float.toString(random.nextFloat() * 100)
                    : String.format(java.util.Locale.ROOT, "%." + random.nextInt(12) + "f", random.nextDouble() * 1000);
            gps.append(i == 0 ? "" : ",").append("{\"t\":1,\"lat\":").append(lats[i]).append(",\"lon\":0,\"acc\":")
                    .append(accs[i]).append('}');
        }
        byte[] json = ("{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":1,\"gps\":["
                + gps + "]}").getBytes(UTF_8);
        // once from a byte array (numbers parsed in the read buffer), once a byte per read (numbers copied)
        for (Batch batch : List.of(codec.decode(json), codec.decode(new OneByteAtATime(json)))) {
            for (int i = 0; i < count; i++) {
                assertThat(batch.gps().lat(i)).as(lats[i]).isEqualTo(Double.parseDouble(lats[i]));
                assertThat(batch.gps().acc(i)).as(accs[i]).isEqualTo(Float.parseFloat(accs[i]));
            }
        }
    }

    @Test
    void repeatedAdvertisementsAreRecognisedByContentNotByText() throws Exception {
        String other = IBEACON.substring(0, IBEACON.length() - 2) + "c4";
        String json = "{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":1763892000000,\"ble\":["
                + "{\"t\":1763891100000,\"rssi\":-71,\"adv\":\"" + IBEACON + "\",\"mac\":\"C3:11:0A:5F:22:9B\"},"
                + "{\"t\":1763891100001,\"rssi\":-72,\"adv\":\"" + IBEACON.toUpperCase() + "\",\"mac\":\"c3:11:0a:5f:22:9b\"},"
                + "{\"t\":1763891100002,\"rssi\":-73,\"adv\":\"" + IBEACON + "\",\"mac\":\"C3:11:0A:5F:22:9C\"},"
                + "{\"t\":1763891100003,\"rssi\":-74,\"adv\":\"" + other + "\",\"mac\":\"C3:11:0A:5F:22:9B\"},"
                + "{\"t\":1763891100004,\"rssi\":-75,\"adv\":\"" + IBEACON + "\",\"mac\":null},"
                + "{\"rssi\":-76,\"t\":1763891100005,\"adv\":\"" + IBEACON + "\",\"mac\":\"C3:11:0A:5F:22:9B\"},"
                + "{\"t\":1763891100006,\"rssi\":-77,\"adv\":\"" + other + "\",\"mac\":\"C3:11:0A:5F:22:9B\"}]}";
        byte[] bytes = json.getBytes(UTF_8);
        Batch inPlace = codec.decode(bytes);
        assertThat(codec.decode(new OneByteAtATime(bytes))).isEqualTo(inPlace);
        BleSightings ble = inPlace.ble();
        assertThat(ble).extracting(BleSighting::mac).containsExactly("C3:11:0A:5F:22:9B", "C3:11:0A:5F:22:9B",
                "C3:11:0A:5F:22:9C", "C3:11:0A:5F:22:9B", null, "C3:11:0A:5F:22:9B", "C3:11:0A:5F:22:9B");
        assertThat(ble).extracting(s -> HexFormat.of().formatHex(s.adv())).containsExactly(IBEACON, IBEACON, IBEACON,
                other, IBEACON, IBEACON, other);
        assertThat(ble).extracting(BleSighting::rssi).containsExactly(-71, -72, -73, -74, -75, -76, -77);
        // one stored copy per distinct advertisement, whatever the case of its hex text
        assertThat(ble.distinctAdvs()).isEqualTo(2);
        assertThat(List.of(ble.advId(0), ble.advId(1), ble.advId(3), ble.advId(6))).containsExactly(0, 0, 1, 1);
    }

    @Test
    void readsLargeIntegersExactly() throws Exception {
        Batch batch = codec.decode(("{\"batchId\":\"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11\",\"sentAt\":9223372036854775807,"
                + "\"motion\":[{\"t\":1234567890123456789,\"dur\":2147483647,\"rms\":0}]}").getBytes(UTF_8));
        assertThat(batch.sentAt()).isEqualTo(Long.MAX_VALUE);
        assertThat(batch.motion().t(0)).isEqualTo(1234567890123456789L);
        assertThat(batch.motion().dur(0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void decodesTheSameWhateverChunksTheStreamDelivers() throws Exception {
        Batch batch = Batch.of(UUID.randomUUID(), 1763892000000L,
                List.of(new GpsFix(1763891100000L, -48.13743, 11.57549, 6.5f, 519.25, 1.3f, 88.0f)),
                List.of(new BleSighting(1763891102500L, -71, HexFormat.of().parseHex(IBEACON), "C3:11:0A:5F:22:9B")),
                List.of(new MotionWindow(1763891100000L, 10000, 0.42f)));
        assertThat(codec.decode(new OneByteAtATime(codec.encode(batch)))).isEqualTo(batch);
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
}
