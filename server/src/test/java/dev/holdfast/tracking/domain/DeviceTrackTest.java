package dev.holdfast.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.GpsFixes;
import dev.holdfast.protocol.MotionWindow;
import dev.holdfast.protocol.MotionWindows;

import org.junit.jupiter.api.Test;

class DeviceTrackTest {

    static final long T = 1_780_000_000_000L;

    DeviceTrack track(List<GpsFix> fixes, List<MotionWindow> motion) {
        return DeviceTrack.of(GpsFixes.copyOf(fixes), MotionWindows.copyOf(motion), 0);
    }

    @Test
    void interpolatesBetweenFixesWithinAMinute() {
        DeviceTrack t = track(List.of(new GpsFix(T + 60_000, 48.2, 11.6, 8f), new GpsFix(T, 48.0, 11.4, 4f)), List.of());
        DeviceTrack.Point p = t.at(T + 15_000);
        assertThat(p.lat()).isCloseTo(48.05, within(1e-9));
        assertThat(p.lon()).isCloseTo(11.45, within(1e-9));
        assertThat(p.acc()).isEqualTo(8);
    }

    @Test
    void takesTheNearestFixWithinTwoMinutesWhenTheGapIsLonger() {
        DeviceTrack t = track(List.of(new GpsFix(T, 48.0, 11.4, 4f), new GpsFix(T + 200_000, 48.2, 11.6, 4f)), List.of());
        assertThat(t.at(T + 100_000).lat()).isEqualTo(48.0);
        assertThat(t.at(T + 150_000).lat()).isEqualTo(48.2);
        assertThat(t.at(T - 119_000)).isNotNull();
        assertThat(t.at(T - 121_000)).isNull();
        assertThat(t.at(T + 340_000)).isNull();
    }

    @Test
    void movingFromTheMotionWindowElseTheGpsSpeed() {
        DeviceTrack t = track(List.of(new GpsFix(T, 48.0, 11.4, 4f, null, 1.4f, null),
                new GpsFix(T + 60_000, 48.0, 11.4, 4f, null, 0f, null)),
                List.of(new MotionWindow(T + 20_000, 10_000, 2.1f), new MotionWindow(T + 40_000, 10_000, 0.04f)));
        assertThat(t.moving(T + 25_000)).isTrue();
        assertThat(t.moving(T + 45_000)).isFalse();
        assertThat(t.moving(T + 2_000)).as("GPS speed").isTrue();
        assertThat(t.moving(T + 58_000)).isFalse();
        assertThat(t.moving(T + 35_000)).as("nothing tells").isFalse();
    }
}
