package dev.holdfast.simulator;

import java.util.List;

/**
 * Matches predicted time ranges (visits, handlings the server reports) with true ones: a predicted range matches a
 * true range of the same asset and place when the two overlap, the predicted one widened by {@code toleranceMillis}
 * on each side. Precision is the share of predicted ranges that match some true range; recall the share of true
 * ranges some predicted range matches (so a true range split into two predicted ones counts once).
 */
final class IntervalMatcher {

    /** Still going on: the range is open to the end. */
    static final long OPEN = Long.MAX_VALUE;

    /** A range of epoch milliseconds, both ends included, of one asset at one place ({@code ""} for any place). */
    record Interval(int asset, String place, long start, long end) {
        Interval {
            if (end < start) {
                throw new IllegalArgumentException("an interval ends after it starts");
            }
        }
    }

    /** How many ranges there were and how many matched, on each side; precision and recall are NaN for none. */
    record Score(int predicted, int matchedPredicted, int truth, int matchedTruth) {

        double precision() {
            return predicted == 0 ? Double.NaN : matchedPredicted / (double) predicted;
        }

        double recall() {
            return truth == 0 ? Double.NaN : matchedTruth / (double) truth;
        }
    }

    private IntervalMatcher() {
    }

    static Score score(List<Interval> predicted, List<Interval> truth, long toleranceMillis) {
        return score(predicted, truth, truth, toleranceMillis);
    }

    /**
     * Precision against {@code truthForPrecision} (everything that really happened), recall over {@code truthForRecall}
     * (what the server could have known of).
     */
    static Score score(List<Interval> predicted, List<Interval> truthForPrecision, List<Interval> truthForRecall,
            long toleranceMillis) {
        int matchedPredicted = 0;
        for (Interval p : predicted) {
            if (truthForPrecision.stream().anyMatch(t -> matches(p, t, toleranceMillis))) {
                matchedPredicted++;
            }
        }
        int matchedTruth = 0;
        for (Interval t : truthForRecall) {
            if (predicted.stream().anyMatch(p -> matches(p, t, toleranceMillis))) {
                matchedTruth++;
            }
        }
        return new Score(predicted.size(), matchedPredicted, truthForRecall.size(), matchedTruth);
    }

    static boolean matches(Interval predicted, Interval truth, long toleranceMillis) {
        if (predicted.asset() != truth.asset() || !predicted.place().equals(truth.place())) {
            return false;
        }
        long start = predicted.start() - toleranceMillis;
        long end = predicted.end() == OPEN ? OPEN : predicted.end() + toleranceMillis;
        return start <= truth.end() && truth.start() <= end;
    }
}
