package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RadioTest {

    @Test
    void rssiDecreasesWithDistance() {
        Random random = new Random(11);
        double previous = Double.MAX_VALUE;
        for (double d : new double[] {0.5, 1, 2, 5, 10, 20, 29}) {
            double sum = 0;
            int heard = 0;
            for (int i = 0; i < 20_000; i++) {
                OptionalInt rssi = Radio.rssi(-59, d, random);
                if (rssi.isPresent()) {
                    assertThat(rssi.getAsInt()).isBetween(Radio.SENSITIVITY_DBM, 0);
                    sum += rssi.getAsInt();
                    heard++;
                }
            }
            double mean = sum / heard;
            assertThat(mean).as("mean RSSI at %s m", d).isLessThan(previous);
            assertThat(mean).as("log-distance model at %s m", d).isCloseTo(Radio.meanRssi(-59, d), org.assertj.core.data.Offset.offset(1.0));
            previous = mean;
        }
        assertThat(Radio.meanRssi(-59, 1)).isEqualTo(-59);
        assertThat(Radio.meanRssi(-59, 10)).isEqualTo(-81, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void nothingIsHeardBeyondThirtyMetres() {
        Random random = new Random(5);
        for (double d : new double[] {30.01, 35, 100}) {
            for (int i = 0; i < 10_000; i++) {
                assertThat(Radio.rssi(-40, d, random)).isEmpty();
            }
        }
        int heard = 0;
        for (int i = 0; i < 10_000; i++) {
            heard += Radio.rssi(-59, 29.9, random).isPresent() ? 1 : 0;
        }
        assertThat(heard).as("still heard, if less often, just inside the range").isBetween(3000, 6000);
    }
}
