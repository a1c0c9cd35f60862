package dev.holdfast.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Compares what the server says about each asset with the ground truth, and prints the figures: how many assets it
 * positioned and how far off (the distance from the reported position to where the tag really was at
 * {@code seenAt}, carried or not), and precision and recall of its visits (a predicted visit matches a true visit of
 * the same asset and location whose time range it overlaps; recall over the observable true visits) and handlings
 * (overlap with {@link #HANDLING_TOLERANCE_MS} either side).
 */
final class AccuracyReport {

    static final long HANDLING_TOLERANCE_MS = 60_000;

    /** The settings of the run, printed with the figures. */
    record Settings(double gpsSigma, double rssiSigma, int devices, int tags, Duration window, long seed, Instant from,
            Instant to) {
    }

    /** What the server answered for one asset; position null when it answered 404 (never seen). */
    record AssetAnswers(TrackingAnswers.@Nullable Position position, List<TrackingAnswers.Visit> visits,
            List<TrackingAnswers.Handling> handlings) {

        static AssetAnswers none() {
            return new AssetAnswers(null, List.of(), List.of());
        }
    }

    /**
     * @param errors sorted position errors, metres, one per positioned asset
     */
    record Figures(int tags, int tagsInSites, int heard, int positioned, double[] errors, int trueVisits,
            IntervalMatcher.Score visits, IntervalMatcher.Score handlings) {

        double medianError() {
            return percentile(errors, 50);
        }

        double p90Error() {
            return percentile(errors, 90);
        }
    }

    private AccuracyReport() {
    }

    /**
     * @param answers         per tag of the scenario, in its order
     * @param siteOfLocation  the server's location id of each site, to the site's index
     * @param heard           the tags some collector heard at least once
     */
    static Figures evaluate(FieldScenario scenario, List<TrueVisit> truth, BitSet heard, List<AssetAnswers> answers,
            Map<String, Integer> siteOfLocation) {
        if (answers.size() != scenario.tags().size()) {
            throw new IllegalArgumentException("one answer per tag");
        }
        Geo geo = scenario.geo();
        List<Double> errors = new ArrayList<>();
        List<IntervalMatcher.Interval> predictedVisits = new ArrayList<>();
        List<IntervalMatcher.Interval> predictedHandlings = new ArrayList<>();
        for (int tag = 0; tag < answers.size(); tag++) {
            AssetAnswers a = answers.get(tag);
            if (a.position() != null) {
                double[] real = scenario.tagPosition(tag, scenario.second(a.position().seenAt().toEpochMilli()));
                errors.add(Math.hypot(geo.east(a.position().lon()) - real[0], geo.north(a.position().lat()) - real[1]));
            }
            for (TrackingAnswers.Visit v : a.visits()) {
                long start = v.arrivedAt().toEpochMilli();
                long end = v.leftAt() == null ? IntervalMatcher.OPEN : Math.max(start, v.leftAt().toEpochMilli());
                predictedVisits.add(new IntervalMatcher.Interval(tag, place(v.locationId(), siteOfLocation), start, end));
            }
            for (TrackingAnswers.Handling h : a.handlings()) {
                long start = h.startedAt().toEpochMilli();
                long end = h.endedAt() == null ? IntervalMatcher.OPEN : Math.max(start, h.endedAt().toEpochMilli());
                predictedHandlings.add(new IntervalMatcher.Interval(tag, "", start, end));
            }
        }
        List<IntervalMatcher.Interval> trueVisits = new ArrayList<>();
        List<IntervalMatcher.Interval> observable = new ArrayList<>();
        for (TrueVisit v : truth) {
            IntervalMatcher.Interval i = new IntervalMatcher.Interval(v.tag(), "site:" + v.site(),
                    scenario.millis(v.arrival()), v.departure() == null ? IntervalMatcher.OPEN
                            : scenario.millis(v.departure()));
            trueVisits.add(i);
            if (v.observable()) {
                observable.add(i);
            }
        }
        List<IntervalMatcher.Interval> trueHandlings = new ArrayList<>();
        for (TrueHandling h : scenario.handlings()) {
            trueHandlings.add(new IntervalMatcher.Interval(h.tag(), "", scenario.millis(h.start()),
                    scenario.millis(h.end())));
        }
        int inSites = 0;
        for (int tag = 0; tag < scenario.tags().size(); tag++) {
            double[] p = scenario.tagPosition(tag, 0);
            inSites += scenario.siteAt(p[0], p[1]) >= 0 ? 1 : 0;
        }
        double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Figures(scenario.tags().size(), inSites, heard.cardinality(), sorted.length, sorted,
                trueVisits.size(), IntervalMatcher.score(predictedVisits, trueVisits, observable, 0),
                IntervalMatcher.score(predictedHandlings, trueHandlings, HANDLING_TOLERANCE_MS));
    }

    /**
     * The sites of the scenario by the server's location ids: every location whose geofence is a site's (centre within
     * a metre, the same radius) — the one this run created, and any an earlier run with the same seed left behind,
     * which the server may name just as well.
     */
    static Map<String, Integer> sitesByGeofence(FieldScenario scenario, List<TrackingAnswers.Location> locations) {
        Map<String, Integer> sites = new java.util.HashMap<>();
        Geo geo = scenario.geo();
        for (TrackingAnswers.Location l : locations) {
            if (l.latitude() == null || l.longitude() == null || l.radiusM() == null) {
                continue;
            }
            for (int i = 0; i < scenario.sites().size(); i++) {
                Site s = scenario.sites().get(i);
                if (s.distanceTo(geo.east(l.longitude()), geo.north(l.latitude())) <= 1
                        && Math.abs(s.radiusM() - l.radiusM()) <= 0.5) {
                    sites.put(l.id(), i);
                }
            }
        }
        return sites;
    }

    private static String place(@Nullable String locationId, Map<String, Integer> siteOfLocation) {
        if (locationId == null) {
            return "none";
        }
        Integer site = siteOfLocation.get(locationId);
        return site == null ? "location:" + locationId : "site:" + site;
    }

    /** Nearest rank; NaN for no values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static void print(PrintStream out, Settings s, Figures f) {
        out.println("== accuracy");
        row(out, "setting", "value", "");
        row(out, "gps sigma", fixed(s.gpsSigma(), 1) + " m", "Gaussian per axis; fixes report an accuracy near it");
        row(out, "rssi sigma", fixed(s.rssiSigma(), 1) + " dB", String.format(Locale.ROOT,
                "path-loss exponent %.1f, heard above %.0f dBm", PathLoss.EXPONENT, PathLoss.THRESHOLD_DBM));
        row(out, "devices", String.valueOf(s.devices()), "collectors walking at 1.2-1.4 m/s");
        row(out, "tags", String.valueOf(s.tags()), (f.tagsInSites()) + " in locations at the start, "
                + (f.tags() - f.tagsInSites()) + " outside");
        row(out, "window", Demo.hms(s.window().toMillis()), s.from() + " to " + s.to());
        row(out, "seed", String.valueOf(s.seed()), "");
        out.println();
        row(out, "measure", "value", "counts");
        row(out, "positioned", String.valueOf(f.positioned()), "of " + f.heard() + " tags heard at least once ("
                + f.tags() + " tags)");
        row(out, "position error p50", metres(f.medianError()), f.errors().length + " positions");
        row(out, "position error p90", metres(f.p90Error()), "");
        row(out, "visit precision", ratio(f.visits().precision()), f.visits().matchedPredicted() + " of "
                + f.visits().predicted() + " predicted visits overlap a true one");
        row(out, "visit recall", ratio(f.visits().recall()), f.visits().matchedTruth() + " of " + f.visits().truth()
                + " observable true visits found (" + f.trueVisits() + " true visits in all)");
        row(out, "handling precision", ratio(f.handlings().precision()), f.handlings().matchedPredicted() + " of "
                + f.handlings().predicted() + " predicted handlings overlap a true one (±"
                + HANDLING_TOLERANCE_MS / 1000 + " s)");
        row(out, "handling recall", ratio(f.handlings().recall()), f.handlings().matchedTruth() + " of "
                + f.handlings().truth() + " true handlings found");
    }

    private static void row(PrintStream out, String name, String value, String counts) {
        out.printf(Locale.ROOT, "   %-20s %-9s %s%n", name, value, counts).flush();
    }

    private static String metres(double v) {
        return Double.isNaN(v) ? "-" : fixed(v, 1) + " m";
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : fixed(v, 2);
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
