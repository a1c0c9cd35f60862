package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.holdfast.simulator.IntervalMatcher.Interval;
import dev.holdfast.simulator.IntervalMatcher.Score;
import org.junit.jupiter.api.Test;

class IntervalMatcherTest {

    private static final long MIN = 60_000;

    @Test
    void oneFalsePositiveAmongTwoPredictionsIsPrecisionOneHalf() {
        List<Interval> truth = List.of(new Interval(1, "site:0", 0, 10 * MIN));
        List<Interval> predicted = List.of(new Interval(1, "site:0", 2 * MIN, 5 * MIN),
                new Interval(1, "site:0", 20 * MIN, 30 * MIN));
        Score score = IntervalMatcher.score(predicted, truth, 0);
        assertThat(score).isEqualTo(new Score(2, 1, 1, 1));
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isEqualTo(1.0);
    }

    @Test
    void aMissedTrueRangeLowersRecall() {
        List<Interval> truth = List.of(new Interval(1, "", 0, MIN), new Interval(1, "", 10 * MIN, 11 * MIN),
                new Interval(2, "", 0, MIN), new Interval(3, "", 0, MIN));
        Score score = IntervalMatcher.score(List.of(new Interval(1, "", 30_000, 90_000)), truth, 0);
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(0.25);
    }

    @Test
    void anotherAssetOrPlaceDoesNotMatch() {
        Interval truth = new Interval(1, "site:0", 0, 10 * MIN);
        assertThat(IntervalMatcher.matches(new Interval(2, "site:0", 0, 10 * MIN), truth, 0)).isFalse();
        assertThat(IntervalMatcher.matches(new Interval(1, "site:1", 0, 10 * MIN), truth, 0)).isFalse();
        assertThat(IntervalMatcher.matches(new Interval(1, "none", 0, 10 * MIN), truth, 0)).isFalse();
        assertThat(IntervalMatcher.matches(new Interval(1, "site:0", 0, 10 * MIN), truth, 0)).isTrue();
    }

    @Test
    void toleranceWidensThePredictedRangeOnBothSides() {
        Interval truth = new Interval(1, "", 10 * MIN, 12 * MIN);
        Interval justBefore = new Interval(1, "", 8 * MIN, 9 * MIN);
        assertThat(IntervalMatcher.matches(justBefore, truth, 0)).isFalse();
        assertThat(IntervalMatcher.matches(justBefore, truth, 59_999)).isFalse();
        assertThat(IntervalMatcher.matches(justBefore, truth, MIN)).isTrue();
        Interval justAfter = new Interval(1, "", 13 * MIN, 14 * MIN);
        assertThat(IntervalMatcher.matches(justAfter, truth, MIN)).isTrue();
        assertThat(IntervalMatcher.matches(new Interval(1, "", 13 * MIN + 1, 14 * MIN), truth, MIN)).isFalse();
    }

    @Test
    void openRangesReachToTheEnd() {
        Interval stillThere = new Interval(1, "site:0", 100 * MIN, IntervalMatcher.OPEN);
        assertThat(IntervalMatcher.matches(new Interval(1, "site:0", 500 * MIN, IntervalMatcher.OPEN), stillThere, 0))
                .isTrue();
        assertThat(IntervalMatcher.matches(new Interval(1, "site:0", 0, 98 * MIN), stillThere, MIN)).isFalse();
        assertThat(IntervalMatcher.matches(new Interval(1, "site:0", 0, IntervalMatcher.OPEN), stillThere, 0)).isTrue();
    }

    @Test
    void precisionAgainstAllTrueRangesRecallOverTheObservableOnes() {
        Interval seen = new Interval(1, "site:0", 0, 10 * MIN);
        Interval unseen = new Interval(2, "site:0", 0, 10 * MIN);
        List<Interval> predicted = List.of(new Interval(2, "site:0", MIN, 2 * MIN));
        Score score = IntervalMatcher.score(predicted, List.of(seen, unseen), List.of(seen), 0);
        assertThat(score.precision()).as("it did happen, whether or not anyone saw it").isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(0.0);
        assertThat(IntervalMatcher.score(List.of(), List.of(), 0).precision()).isNaN();
    }

    @Test
    void aTrueRangeSplitInTwoCountsOnceForRecall() {
        Score score = IntervalMatcher.score(List.of(new Interval(1, "", 0, MIN), new Interval(1, "", 2 * MIN, 3 * MIN)),
                List.of(new Interval(1, "", 0, 3 * MIN)), 0);
        assertThat(score).isEqualTo(new Score(2, 2, 1, 1));
    }
}
