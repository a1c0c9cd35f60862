package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PathLossTest {

    @Test
    void exponentTwoAndAHalfFromThePowerAtOneMetre() {
        PathLoss radio = PathLoss.withSigma(4);
        assertThat(radio.meanRssi(-59, 1)).isEqualTo(-59);
        assertThat(radio.meanRssi(-59, 10)).isCloseTo(-84, within(1e-9));
        assertThat(radio.meanRssi(-59, 100)).isCloseTo(-109, within(1e-9));
    }

    @Test
    void onlyWhatIsAboveMinusNinetyFiveIsHeard() {
        PathLoss exact = PathLoss.withSigma(0);
        Random random = new Random(1);
        assertThat(exact.rssi(-59, 27, random)).as("-94.8 dBm rounds to -95, not above it").isEmpty();
        assertThat(exact.rssi(-59, 25, random)).as("-93.9 dBm").hasValue(-94);
        assertThat(exact.rssi(-59, 30, random)).as("-95.9 dBm").isEmpty();
        PathLoss noisy = PathLoss.withSigma(4);
        int heard = 0;
        for (int i = 0; i < 20_000; i++) {
            OptionalInt r = noisy.rssi(-59, 27.5, random);
            if (r.isPresent()) {
                assertThat(r.getAsInt()).isGreaterThan(-95);
                heard++;
            }
        }
        assertThat(heard / 20_000.0).as("about half heard where the mean is at the threshold").isBetween(0.4, 0.55);
        assertThat(noisy.rssi(-59, noisy.rangeMetres(-59) * 1.01, new Random(2))).isEmpty();
    }
}
