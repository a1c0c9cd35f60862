package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every scan record of {@code ble-scan-records.json} (real advertisements from the test suites of the
 * AltBeacon library, beacontools and ble_monitor; each record names its source file and commit) decodes
 * to every value the record expects.
 */
class AdvertisementParserTest {

    private static final HexFormat HEX = HexFormat.of();

    static List<JsonNode> records() throws IOException {
        try (InputStream in = AdvertisementParserTest.class.getResourceAsStream("/ble-scan-records.json")) {
            List<JsonNode> records = new ArrayList<>();
            JsonMapper.builder().build().readTree(in).forEach(records::add);
            return records;
        }
    }

    static Stream<Arguments> fixtures() throws IOException {
        return records().stream().map(r -> Arguments.of(r.get("source").asString() + " " + r.get("test").asString(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesEveryExpectedValue(String name, JsonNode record) {
        byte[] bytes = HEX.parseHex(record.get("hex").asString());
        String format = record.get("format").asString();
        // One record was decoded by its source with a custom layout (beacon code 0x1234): the standard
        // parser must not take it for a beacon, a parser told about the code must.
        AdvertisementParser parser = AdvertisementParser.withBeaconCodes();
        if (format.startsWith("custom layout m:2-3=1234")) {
            assertThat(AdvertisementParser.parse(bytes)).isEmpty();
            parser = AdvertisementParser.withBeaconCodes(0x1234);
        }
        Optional<Advertisement> decoded = parser.read(bytes);

        JsonNode hciEvent = record.get("hci_event_hex");
        Optional<HciReport> report = Optional.empty();
        if (hciEvent != null) {
            byte[] event = HEX.parseHex(hciEvent.asString());
            assertThat(parser.read(event)).as("the same advertisement inside its HCI event").isEqualTo(decoded);
            report = HciReport.parse(event);
            assertThat(report).isPresent();
            assertThat(report.get().data()).isEqualTo(bytes);
        }

        for (Map.Entry<String, JsonNode> e : record.get("expected").properties()) {
            JsonNode value = e.getValue();
            String key = e.getKey();
            if (key.equals("parsed")) {
                assertThat(value.isNull()).isTrue();
                assertThat(decoded).isEmpty();
                continue;
            }
            Advertisement a = decoded.orElseThrow(() -> new AssertionError(name + " did not decode"));
            switch (key) {
                case "uuid", "id1" -> assertThat(a instanceof Advertisement.IBeacon ib ? ib.uuid()
                        : ((Advertisement.AltBeacon) a).id1()).isEqualTo(UUID.fromString(value.asString()));
                case "major" -> assertThat(a instanceof Advertisement.IBeacon ib ? ib.major()
                        : ((Advertisement.AltBeacon) a).id2()).isEqualTo(value.asInt());
                case "minor" -> assertThat(a instanceof Advertisement.IBeacon ib ? ib.minor()
                        : ((Advertisement.AltBeacon) a).id3()).isEqualTo(value.asInt());
                case "id2" -> assertThat(((Advertisement.AltBeacon) a).id2()).isEqualTo(value.asInt());
                case "id3" -> assertThat(((Advertisement.AltBeacon) a).id3()).isEqualTo(value.asInt());
                case "manufacturer" -> assertThat(String.format("0x%04x", ((Advertisement.AltBeacon) a)
                        .manufacturer())).isEqualTo(value.asString());
                case "mfg_reserved", "data_field_0" -> assertThat(((Advertisement.AltBeacon) a).mfgReserved())
                        .isEqualTo(value.asInt());
                case "data_field_count" -> assertThat(a).isInstanceOf(Advertisement.AltBeacon.class)
                        .extracting(x -> 1).isEqualTo(value.asInt()); // the one MFG RESERVED byte
                case "tx_power_1m_dbm" -> assertThat(a.powerAt1m()).hasValue(value.asInt());
                case "tx_power_0m_dbm" -> {
                    assertThat(txPowerAt0m(a)).isEqualTo(value.asInt());
                    assertThat(a.powerAt1m()).hasValue(value.asInt() - 41);
                }
                case "namespace" -> assertThat(((Advertisement.EddystoneUid) a).namespace()).isEqualTo(value.asString());
                case "instance" -> assertThat(((Advertisement.EddystoneUid) a).instance()).isEqualTo(value.asString());
                case "url" -> assertThat(a instanceof Advertisement.EddystoneUrl u ? u.url()
                        : ((Advertisement.UriBeacon) a).url()).isEqualTo(value.asString());
                case "id1_length" -> assertThat(serviceDataLength(bytes) - 4) // minus service UUID, flags, tx
                        .as("scheme + encoded URL bytes").isEqualTo(value.asInt());
                case "vbatt_mv", "vbatt_raw" -> assertThat(tlm(a).batteryMillivolts()).isEqualTo(value.asInt());
                case "temperature_c" -> assertThat(tlm(a).temperatureCelsius()).hasValue(value.asDouble());
                case "temperature_raw", "temp_raw" -> assertThat(String.format("0x%04x", tlm(a).temperatureRaw()))
                        .isEqualTo(value.asString());
                case "adv_cnt" -> assertThat(tlm(a).advCount()).isEqualTo(value.asLong());
                case "sec_cnt_raw" -> assertThat(tlm(a).secCount()).isEqualTo(value.asLong());
                case "uptime_s" -> assertThat(tlm(a).uptimeSeconds()).isEqualTo(value.asDouble());
                case "version" -> assertThat(tlm(a).version()).isEqualTo(value.asInt());
                case "eid_hex" -> assertThat(((Advertisement.EddystoneEid) a).eid()).isEqualTo(value.asString());
                case "rssi_dbm" -> assertThat(report.orElseThrow().rssi()).isEqualTo(value.asInt());
                case "mac" -> assertThat(report.orElseThrow().address()).isEqualTo(value.asString());
                default -> fail("no check for expected value '" + key + "' of " + name);
            }
        }
        if (record.get("expected").has("vbatt_mv") && record.get("expected").get("vbatt_mv").asInt() == 0) {
            assertThat(tlm(decoded.orElseThrow()).battery()).isEmpty();
            assertThat(tlm(decoded.orElseThrow()).temperatureCelsius()).isEmpty();
        }
    }

    @Test
    void givesCanonicalTagIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode r : records()) {
            AdvertisementParser.parse(HEX.parseHex(r.get("hex").asString()))
                    .flatMap(Advertisement::tagId).ifPresent(id -> ids.add(id.toString()));
        }
        assertThat(ids).containsExactly(
                "ibeacon:41424344-4546-4748-4940-414243444546:1:2",
                "ibeacon:00050001-0000-1000-8000-00805f9b0131:2:27750",
                "ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0",
                "altbeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:1:4",
                "altbeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2",
                "altbeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2",
                "altbeacon:d3162f5a-f3ee-4947-99db-09756062d0fc:90:5",
                "eddystone:12345678901234678901:000000000001",
                "eddystone:00010203040506070809:010203040506");
        for (String id : ids) {
            assertThat(TagId.parse(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void recognisesEncryptedTelemetryWithoutDecryptingIt() {
        byte[] etlm = HEX.parseHex("0201060303aafe1516aafe2001" + "00112233445566778899aabb" + "1234" + "abcd");
        assertThat(AdvertisementParser.parse(etlm)).contains(
                new Advertisement.EddystoneEncryptedTlm("00112233445566778899aabb", 0x1234, 0xabcd));
    }

    @Test
    void eddystoneEidHasNoTagId() {
        byte[] eid = HEX.parseHex("0201060303aafe0d16aafe30e34549445f74657374");
        Advertisement a = AdvertisementParser.parse(eid).orElseThrow();
        assertThat(a.format()).isEqualTo(Advertisement.Format.EDDYSTONE_EID);
        assertThat(a.format().family()).isEqualTo("eddystone");
        assertThat(a.tagId()).isEmpty();
    }

    @Test
    void walksPastStructuresItDoesNotKnow() {
        // flags, a complete local name "Tag", then an iBeacon
        byte[] adv = HEX.parseHex("020106" + "0409546167" + "1aff4c000215e2c56db5dffb48d2b060d0f5a71096e000640000c5");
        assertThat(AdvertisementParser.parse(adv).flatMap(Advertisement::tagId)).map(TagId::toString)
                .contains("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0");
    }

    @Test
    void ignoresWhatIsNotABeacon() {
        assertThat(AdvertisementParser.parse(HEX.parseHex("02010603020f180b094865616470686f6e6573"))).isEmpty();
        assertThat(AdvertisementParser.parse(new byte[0])).isEmpty();
        assertThat(AdvertisementParser.parse(new byte[62])).isEmpty();
        assertThat(AdvertisementParser.parse((byte[]) null)).isEmpty();
        assertThat(AdvertisementParser.parse(new byte[4], 3, 2)).isEmpty();
        assertThat(AdvertisementParser.parse(new byte[4], -1, 2)).isEmpty();
        // a truncated iBeacon (minor and power missing)
        assertThat(AdvertisementParser.parse(HEX.parseHex("0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e00064")))
                .isEmpty();
        // an Eddystone-URL with an unknown scheme
        assertThat(AdvertisementParser.parse(HEX.parseHex("0303aafe0816aafe10f8096162"))).isEmpty();
    }

    @Test
    void decodesAWindowOfALargerArray() {
        byte[] adv = HEX.parseHex("ffff" + "0201061aff4c0002154142434445464748494041424344454600010002f8" + "ffff");
        assertThat(AdvertisementParser.parse(adv, 2, adv.length - 4)).containsInstanceOf(Advertisement.IBeacon.class);
    }

    @Test
    void neverThrowsOnMangledRecords() throws IOException {
        Random random = new Random(42);
        List<byte[]> inputs = new ArrayList<>();
        for (JsonNode r : records()) {
            inputs.add(HEX.parseHex(r.get("hex").asString()));
            if (r.has("hci_event_hex")) {
                inputs.add(HEX.parseHex(r.get("hci_event_hex").asString()));
            }
        }
        for (byte[] original : inputs) {
            for (int length = 0; length <= original.length; length++) {
                byte[] cut = java.util.Arrays.copyOf(original, length);
                assertThatCode(() -> AdvertisementParser.parse(cut)).doesNotThrowAnyException();
            }
            for (int i = 0; i < 2_000; i++) {
                byte[] mutated = original.clone();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                assertThatCode(() -> AdvertisementParser.parse(mutated)).doesNotThrowAnyException();
            }
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] noise = new byte[random.nextInt(80)];
            random.nextBytes(noise);
            assertThatCode(() -> AdvertisementParser.parse(noise)).doesNotThrowAnyException();
            assertThatCode(() -> HciReport.parse(noise)).doesNotThrowAnyException();
        }
    }

    private static int txPowerAt0m(Advertisement a) {
        if (a instanceof Advertisement.EddystoneUid uid) {
            return uid.txPowerAt0m();
        }
        if (a instanceof Advertisement.EddystoneUrl url) {
            return url.txPowerAt0m();
        }
        if (a instanceof Advertisement.EddystoneEid eid) {
            return eid.txPowerAt0m();
        }
        return ((Advertisement.UriBeacon) a).txPowerAt0m();
    }

    private static Advertisement.EddystoneTlm tlm(Advertisement a) {
        return (Advertisement.EddystoneTlm) a;
    }

    /** Length (after the type byte) of the first Service Data AD structure, read from the raw bytes. */
    private static int serviceDataLength(byte[] adv) {
        for (int i = 0; i + 1 < adv.length && adv[i] != 0; i += 1 + (adv[i] & 0xff)) {
            if (adv[i + 1] == 0x16) {
                return (adv[i] & 0xff) - 1;
            }
        }
        throw new AssertionError("no service data");
    }
}
