package dev.holdfast.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PositionAndEstimatorTest {

    static final long T = 1_780_000_000_000L;
    final UUID asset = UUID.randomUUID();

    Sighting sighting(long t, double east, double north, double acc, double distance) {
        double[] p = TrackFixtures.at(east, north);
        return new Sighting(asset, t, p[0], p[1], acc, -70, distance, false);
    }

    @Test
    void oneWildFixDoesNotDragTheEstimate() {
        List<Sighting> pass = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pass.add(sighting(T + i * 1000L, (i % 3) - 1, (i % 2) - 0.5, 5, 3));
        }
        pass.add(sighting(T + 11_000, 150, 0, 5, 3)); // a fix 150 m off
        PassEstimate e = PassEstimator.estimate(pass);
        double[] origin = TrackFixtures.at(0, 0);
        assertThat(Geo.metres(e.lat(), e.lon(), origin[0], origin[1])).isLessThan(5);
    }

    @Test
    void closeSightingsWeighMoreThanFarOnes() {
        List<Sighting> pass = List.of(sighting(T, 0, 0, 4, 1), sighting(T + 1000, 20, 0, 4, 20));
        PassEstimate e = PassEstimator.estimate(pass);
        double[] origin = TrackFixtures.at(0, 0);
        assertThat(Geo.metres(e.lat(), e.lon(), origin[0], origin[1])).isLessThan(2);
    }

    PassEstimate estimate(long t, double east, double acc) {
        double[] p = TrackFixtures.at(east, 0);
        return new PassEstimate(asset, t, t, p[0], p[1], acc, -70, 3.0, 5);
    }

    @Test
    void agreeingEstimatesRefineThePositionAndADisagreeingNewerOneMovesIt() {
        Position p = Position.of(estimate(T, 0, 8), "ble").with(estimate(T + 60_000, 6, 8), "ble");
        double[] mid = TrackFixtures.at(3, 0);
        assertThat(Geo.metres(p.lat(), p.lon(), mid[0], mid[1])).isLessThan(0.5);
        assertThat(p.accuracyM()).isLessThan(8);
        assertThat(p.since()).isEqualTo(T);
        assertThat(p.movedBy(estimate(T + 120_000, 100, 8))).isTrue();
        Position moved = p.with(estimate(T + 120_000, 100, 8), "ble");
        assertThat(moved.since()).isEqualTo(T + 120_000);
        assertThat(p.with(estimate(T - 120_000, 100, 8), "ble")).as("an older disagreeing estimate").isEqualTo(p);
    }

    @Test
    void aWeakEstimateFarAwayDoesNotMoveAGoodRecentPosition() {
        Position p = Position.of(estimate(T, 0, 4), "ble");
        PassEstimate weak = estimate(T + 60_000, 80, 20);
        assertThat(p.movedBy(weak)).isFalse();
        Position after = p.with(weak, "ble");
        assertThat(after.lat()).isEqualTo(p.lat());
        assertThat(after.seenAt()).as("the tag was heard").isEqualTo(T + 60_000);
        assertThat(p.movedBy(estimate(T + 2 * 3_600_000, 80, 20))).as("a stale position gives way").isTrue();
    }
}
