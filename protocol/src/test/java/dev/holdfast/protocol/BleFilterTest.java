package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BleFilterTest {

    // real records from the fixtures (ble_monitor, beacontools)
    private static final byte[] IBEACON = hex("02011a1aff4c000215e2c56db5dffb48d2b060d0f5a71096e000640000c5");
    private static final byte[] OTHER_IBEACON = hex("0201061aff4c0002154142434445464748494041424344454600010002f8");
    private static final byte[] ALTBEACON = hex("02011a1bff1801beac2f234454cf6d4a0fadf2f4911ba9ffa600010002c50900");
    private static final byte[] EDDYSTONE_UID = hex("0201060303aafe1716aafe00e3123456789012346789010000000000010000");
    private static final byte[] EDDYSTONE_TLM = hex("0201060303aafe1116aafe20000b1813000000146700002ac4e4");
    private static final byte[] URIBEACON = hex("0201040303d8fe1316d8fe00f203676f6f2e676c2f687142584531");
    private static final byte[] HEADPHONES = hex("02010603020f180b094865616470686f6e6573");

    @Test
    void keepsTheTagFamiliesByDefault() {
        BleFilter filter = BleFilter.TAG_BEACONS;
        assertThat(filter.keep(IBEACON)).isTrue();
        assertThat(filter.keep(ALTBEACON)).isTrue();
        assertThat(filter.keep(EDDYSTONE_UID)).isTrue();
        assertThat(filter.keep(EDDYSTONE_TLM)).isTrue();
        assertThat(filter.keep(URIBEACON)).isFalse();
        assertThat(filter.keep(HEADPHONES)).as("phones and headphones are never uploaded").isFalse();
        assertThat(new BleFilter(null, null, null, null)).isEqualTo(filter);
    }

    @Test
    void restrictsIBeaconsToTheGivenUuids() {
        BleFilter filter = new BleFilter(Set.of("ibeacon", "eddystone"),
                Set.of("E2C56DB5-DFFB-48D2-B060-D0F5A71096E0"), Set.of(), Set.of());
        assertThat(filter.ibeaconUuids()).containsExactly("e2c56db5-dffb-48d2-b060-d0f5a71096e0");
        assertThat(filter.keep(IBEACON)).isTrue();
        assertThat(filter.keep(OTHER_IBEACON)).isFalse();
        assertThat(filter.keep(ALTBEACON)).as("family not chosen").isFalse();
        assertThat(filter.keep(EDDYSTONE_UID)).isTrue();
    }

    @Test
    void restrictsEddystoneToTheGivenNamespaces() {
        BleFilter filter = new BleFilter(Set.of("eddystone"), Set.of(), Set.of("12345678901234678901"), Set.of());
        assertThat(filter.keep(EDDYSTONE_UID)).isTrue();
        assertThat(filter.keep(EDDYSTONE_TLM)).as("carries no namespace").isFalse();
        assertThat(new BleFilter(Set.of("eddystone"), Set.of(), Set.of("00000000000000000000"), Set.of())
                .keep(EDDYSTONE_UID)).isFalse();
    }

    @Test
    void keepsListedAddressesWhateverTheyAdvertise() {
        BleFilter filter = new BleFilter(Set.of(), Set.of(), Set.of(), Set.of("C3:11:0A:5F:22:9B"));
        assertThat(filter.macs()).containsExactly("c3:11:0a:5f:22:9b");
        assertThat(filter.keep(HEADPHONES, "c3:11:0a:5f:22:9b")).isTrue();
        assertThat(filter.keep(HEADPHONES, "C3:11:0A:5F:22:9C")).isFalse();
        assertThat(filter.keep(IBEACON)).as("no family chosen").isFalse();
    }

    @Test
    void rejectsMalformedValuesWithAReadableMessage() {
        assertThatThrownBy(() -> new BleFilter(Set.of("bluetooth"), null, null, null))
                .hasMessageContaining("unknown BLE family 'bluetooth'").hasMessageContaining("ibeacon");
        assertThatThrownBy(() -> new BleFilter(null, Set.of("e2c56db5dffb48d2b060d0f5a71096e0"), null, null))
                .hasMessage("not a valid iBeacon UUID: 'e2c56db5dffb48d2b060d0f5a71096e0'");
        assertThatThrownBy(() -> new BleFilter(null, null, Set.of("1234"), null))
                .hasMessageContaining("Eddystone namespace");
        assertThatThrownBy(() -> new BleFilter(null, null, null, Set.of("c3:11")))
                .hasMessageContaining("address");
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
