package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** True visits come from where the tag really was; only those a collector came near are observable. */
class TrueVisitsTest {

    private static final double[] FAR = {300, 300};

    /**
     * Site A at the centre, B 200 m east (both 30 m); a tag at (5, 0) in A. The collector waits far away, is next to
     * the tag at second 100, carries it east at 0.975 m/s and puts it down at (200, 0) at second 300.
     */
    private static HandMadeScenario carriedFromAToB() {
        return new HandMadeScenario(400)
                .site("A", 0, 0, 30).site("B", 200, 0, 30)
                .tag(5, 0)
                .collector(s -> s < 100 ? FAR : HandMadeScenario.between(new double[] {5.5, 0}, new double[] {200.5, 0},
                        100, 300, s))
                .carry(0, 0, 100, 300);
    }

    @Test
    void aCarryEndsOneVisitWhenTheTagLeavesTheSiteAndStartsAnotherWhenItEntersTheNext() {
        FieldScenario s = carriedFromAToB().build();
        // the tag is at 5 + 0.975 (t - 100): out of A (> 30 m) from t = 126, into B (>= 170 m) from t = 270
        assertThat(TrueVisits.of(s)).containsExactly(
                new TrueVisit(0, 0, 0, 126, true),
                new TrueVisit(0, 1, 270, null, true));
        assertThat(s.handlings()).containsExactly(new TrueHandling(0, 0, 100, 300, 5, 0, 200, 0));
    }

    @Test
    void aVisitNoCollectorCameNearIsNotObservable() {
        FieldScenario s = carriedFromAToB().site("C", 0, 300, 30).tag(0, 310).build();
        List<TrueVisit> visits = TrueVisits.of(s, 1);
        assertThat(visits).containsExactly(new TrueVisit(1, 2, 0, null, false));
    }

    @Test
    void aVisitIsObservableWhenACollectorPassesWithinFifteenMetres() {
        FieldScenario near = new HandMadeScenario(100).site("A", 0, 0, 30).tag(0, 0)
                .collector(s -> new double[] {-50 + s, 14.5}).build();
        assertThat(TrueVisits.of(near)).containsExactly(new TrueVisit(0, 0, 0, null, true));
        FieldScenario passing = new HandMadeScenario(100).site("A", 0, 0, 30).tag(0, 0)
                .collector(s -> new double[] {-50 + s, 15.5}).build();
        assertThat(TrueVisits.of(passing)).containsExactly(new TrueVisit(0, 0, 0, null, false));
    }

    @Test
    void carryingATagThroughASiteIsNoVisit() {
        // A at the centre, B at 100 m east, the tag put down outside at 260 m
        FieldScenario s = new HandMadeScenario(400)
                .site("A", 0, 0, 30).site("B", 100, 0, 30)
                .tag(0, 0)
                .collector(t -> HandMadeScenario.between(new double[] {0, 0}, new double[] {260, 0}, 50, 310, t))
                .carry(0, 0, 50, 310)
                .build();
        assertThat(TrueVisits.of(s)).containsExactly(new TrueVisit(0, 0, 0, 81, true));
    }
}
