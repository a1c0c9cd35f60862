package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DistanceTest {

    @Test
    void followsTheLogDistanceModelWithExponentTwoAndAHalf() {
        assertThat(Distance.metres(-59, -59)).isEqualTo(1.0);
        assertThat(Distance.metres(-84, -59)).isCloseTo(10.0, within(1e-9));   // 25 dB weaker: ten times as far
        assertThat(Distance.metres(-109, -59)).isCloseTo(100.0, within(1e-9));
        assertThat(Distance.metres(-49, -59)).isCloseTo(0.398, within(0.001)); // stronger than at 1 m: closer
        assertThat(Distance.metres(-79, -59, 2.0)).isCloseTo(10.0, within(1e-9));
        assertThatThrownBy(() -> Distance.metres(-70, -59, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usesTheOneMetrePowerOfEachFormat() {
        // ble_monitor's iBeacon heard at -77 dBm, measured power -59 dBm at 1 m
        Advertisement ibeacon = AdvertisementParser.parse(
                HexFormat.of().parseHex("02011a1aff4c000215e2c56db5dffb48d2b060d0f5a71096e000640000c5")).orElseThrow();
        assertThat(Distance.metres(-77, ibeacon.powerAt1m().getAsInt())).isCloseTo(5.25, within(0.01));
        // beacontools' Eddystone-UID: -29 dBm at 0 m is -70 dBm at 1 m
        Advertisement uid = AdvertisementParser.parse(
                HexFormat.of().parseHex("0201060303aafe1716aafe00e3123456789012346789010000000000010000")).orElseThrow();
        assertThat(Distance.metres(-70, uid.powerAt1m().getAsInt())).isEqualTo(1.0);
    }
}
