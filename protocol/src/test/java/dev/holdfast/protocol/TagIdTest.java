package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagIdTest {

    @ParameterizedTest
    @CsvSource({
        // the example of API.md
        "ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0, ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0",
        "IBEACON:E2C56DB5-DFFB-48D2-B060-D0F5A71096E0:00100:0, ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0",
        "altbeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2, altbeacon:2f234454-cf6d-4a0f-adf2-f4911ba9ffa6:1:2",
        "eddystone:EDD1EBEAC04E5DEFA017:0BDB87539B67, eddystone:edd1ebeac04e5defa017:0bdb87539b67",
        "mac:C3-11-0A-5F-22-9B, mac:c3:11:0a:5f:22:9b",
        "osmand:123456, osmand:123456",
        " osmand:Truck-7 , osmand:Truck-7",
    })
    void normalises(String input, String canonical) {
        assertThat(TagId.parse(input).toString()).isEqualTo(canonical);
        assertThat(TagId.parse(canonical)).isEqualTo(TagId.parse(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ibeacon", "beacon:1", "ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:65536:0",
        "ibeacon:e2c56db5dffb48d2b060d0f5a71096e0:1:1", "eddystone:edd1:0bdb", "mac:c3:11:0a:5f:22",
        "osmand:", "osmand:has space"})
    void rejects(String input) {
        assertThatThrownBy(() -> TagId.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void explainsTheExpectedShape() {
        assertThatThrownBy(() -> TagId.parse("ibeacon:nope:1:2"))
                .hasMessageContaining("ibeacon:<uuid 8-4-4-4-12>:<major>:<minor>");
    }

    @Test
    void buildsCanonicalIdsFromDecodedValues() {
        var uuid = java.util.UUID.fromString("E2C56DB5-DFFB-48D2-B060-D0F5A71096E0");
        assertThat(TagId.ibeacon(uuid, 100, 0)).isEqualTo(TagId.parse("ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0"));
        assertThat(TagId.altbeacon(uuid, 65535, 1)).hasToString("altbeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:65535:1");
        assertThat(TagId.eddystone("EDD1EBEAC04E5DEFA017", "0BDB87539B67"))
                .isEqualTo(TagId.parse("eddystone:edd1ebeac04e5defa017:0bdb87539b67"));
        assertThat(TagId.mac("C3:11:0A:5F:22:9B")).hasToString("mac:c3:11:0a:5f:22:9b");
        assertThatThrownBy(() -> TagId.ibeacon(uuid, 65536, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TagId.eddystone("edd1", "0bdb")).isInstanceOf(IllegalArgumentException.class);
    }
}
