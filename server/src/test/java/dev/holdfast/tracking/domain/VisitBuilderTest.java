package dev.holdfast.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class VisitBuilderTest {

    static final long T = 1_780_000_000_000L;
    static final long MINUTE = 60_000;
    final UUID depot = UUID.randomUUID();
    final UUID yard = UUID.randomUUID();
    final double[] depotCentre = TrackFixtures.at(0, 0);
    final double[] yardCentre = TrackFixtures.at(300, 0);
    final List<Geofence> fences = List.of(new Geofence(depot, "Depot", depotCentre[0], depotCentre[1], 30),
            new Geofence(yard, "Yard", yardCentre[0], yardCentre[1], 30));

    VisitBuilder.Fix fix(long t, double east, double acc) {
        double[] p = TrackFixtures.at(east, 0);
        return new VisitBuilder.Fix(t, t, p[0], p[1], acc);
    }

    @Test
    void anAssetJustOutsideTheBoundaryDoesNotFlap() {
        VisitBuilder b = new VisitBuilder(fences, 2 * 60 * MINUTE);
        b.add(fix(T, 20, 5));
        for (int i = 1; i <= 10; i++) {
            b.add(fix(T + i * MINUTE, i % 2 == 0 ? 28 : 33, 5)); // in, 3 m out, in, ...
        }
        assertThat(b.visits()).hasSize(1);
        assertThat(b.visits().get(0).leftAt()).isNull();
        assertThat(b.currentLocation()).isEqualTo(depot);
    }

    @Test
    void seenElsewhereEndsTheVisitAndStartsTheNext() {
        VisitBuilder b = new VisitBuilder(fences, 2 * 60 * MINUTE);
        b.add(fix(T, 0, 5));
        b.add(fix(T + 10 * MINUTE, 5, 5));
        b.add(fix(T + 20 * MINUTE, 150, 5)); // between the two
        b.add(fix(T + 30 * MINUTE, 300, 5));
        List<Visit> v = b.visits();
        assertThat(v).hasSize(2);
        assertThat(v.get(0).locationId()).isEqualTo(depot);
        assertThat(v.get(0).arrivedAt()).isEqualTo(T);
        assertThat(v.get(0).leftAt()).isEqualTo(T + 10 * MINUTE);
        assertThat(v.get(1).locationId()).isEqualTo(yard);
        assertThat(v.get(1).leftAt()).isNull();
    }

    @Test
    void notSeenThereForTheDebouncePeriodEndsTheVisit() {
        VisitBuilder b = new VisitBuilder(fences, 60 * MINUTE);
        b.add(fix(T, 0, 5));
        b.add(fix(T + 30 * MINUTE, 0, 5));
        b.add(fix(T + 200 * MINUTE, 0, 5));
        List<Visit> v = b.visits();
        assertThat(v).hasSize(2);
        assertThat(v.get(0).leftAt()).isEqualTo(T + 30 * MINUTE);
        assertThat(v.get(1).arrivedAt()).isEqualTo(T + 200 * MINUTE);
    }

    @Test
    void anEstimateFarOutsideEveryGeofenceStartsNothing() {
        VisitBuilder b = new VisitBuilder(fences, 60 * MINUTE);
        b.add(fix(T, 100, 5));
        assertThat(b.visits()).isEmpty();
        assertThat(b.currentLocation()).isNull();
    }

    @Test
    void oneUncertainEstimateJustInsideIsNoStay() {
        VisitBuilder b = new VisitBuilder(fences, 60 * MINUTE);
        b.add(fix(T, 60, 5));
        b.add(fix(T + MINUTE, 25, 12)); // just inside the depot, uncertain
        b.add(fix(T + 2 * MINUTE, 70, 5)); // and outside again
        assertThat(b.visits()).isEmpty();
        b.add(fix(T + 3 * MINUTE, 5, 5)); // well inside
        assertThat(b.visits()).hasSize(1);
    }
}
