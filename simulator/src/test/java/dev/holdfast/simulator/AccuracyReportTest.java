package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import dev.holdfast.simulator.AccuracyReport.AssetAnswers;
import dev.holdfast.simulator.TrackingAnswers.Handling;
import dev.holdfast.simulator.TrackingAnswers.Position;
import dev.holdfast.simulator.TrackingAnswers.Visit;
import org.junit.jupiter.api.Test;

/** The comparison of the server's answers with the truth. */
class AccuracyReportTest {

    private static final Geo GEO = HandMadeScenario.GEO;
    private static final Map<String, Integer> SITES = Map.of("loc-a", 0, "loc-b", 1);

    /**
     * Tag 0 carried from A (5, 0) to B (200, 0) from second 100 to 300, as in TrueVisitsTest; tag 1 lies in B, 24.5 m
     * from where the collector stops, so nobody comes near it.
     */
    private static FieldScenario scenario() {
        return new HandMadeScenario(400)
                .site("A", 0, 0, 30).site("B", 200, 0, 30)
                .tag(5, 0).tag(225, 0)
                .collector(s -> s < 100 ? new double[] {300, 300} : HandMadeScenario.between(new double[] {5.5, 0},
                        new double[] {200.5, 0}, 100, 300, s))
                .carry(0, 0, 100, 300)
                .build();
    }

    private static Instant at(FieldScenario s, double second) {
        return Instant.ofEpochMilli(s.millis(second));
    }

    private static Position position(FieldScenario s, double second, double east, double north) {
        return new Position(at(s, second), GEO.lat(north), GEO.lon(east), 5.0, null, "ble");
    }

    private static BitSet heard(int... tags) {
        BitSet b = new BitSet();
        for (int t : tags) {
            b.set(t);
        }
        return b;
    }

    @Test
    void thePositionErrorIsToWhereTheTagReallyWasAtSeenAtCarriedOrNot() {
        FieldScenario s = scenario();
        // at second 200 tag 0 is carried, at 5 + 0.975 * 100 = 102.5 east: reported 3 m north of that
        // tag 1 lies at (225, 0): reported 4 m west
        List<AssetAnswers> answers = List.of(
                new AssetAnswers(position(s, 200, 102.5, 3), List.of(), List.of()),
                new AssetAnswers(position(s, 350, 221, 0), List.of(), List.of()));
        AccuracyReport.Figures f = AccuracyReport.evaluate(s, TrueVisits.of(s), heard(0, 1), answers, SITES);
        assertThat(f.positioned()).isEqualTo(2);
        assertThat(f.errors()).containsExactly(new double[] {3, 4}, within(0.01));
        assertThat(f.medianError()).isCloseTo(3, within(0.01));
        assertThat(f.p90Error()).isCloseTo(4, within(0.01));

        AccuracyReport.Figures restWouldBeWrong = AccuracyReport.evaluate(s, TrueVisits.of(s), heard(0, 1), List.of(
                new AssetAnswers(position(s, 200, 5, 0), List.of(), List.of()), AssetAnswers.none()), SITES);
        assertThat(restWouldBeWrong.errors()[0]).as("where it was picked up is not where it is").isCloseTo(97.5,
                within(0.01));
        assertThat(restWouldBeWrong.positioned()).isEqualTo(1);
    }

    @Test
    void visitsAndHandlingsAreScoredAgainstTheTruth() {
        FieldScenario s = scenario();
        // truth: tag 0 in A 0..126 and in B from 270; tag 1 in B all along (not observable: nobody came near);
        // one handling of tag 0, 100..300
        List<AssetAnswers> answers = List.of(
                new AssetAnswers(null,
                        List.of(new Visit("loc-a", at(s, 90), at(s, 140)), new Visit("loc-b", at(s, 310), null),
                                new Visit("loc-elsewhere", at(s, 150), at(s, 200))),
                        List.of(new Handling(at(s, 330), at(s, 350), null, null, null, 190.0),
                                new Handling(at(s, 20), at(s, 30), null, null, null, 0.0))),
                new AssetAnswers(null, List.of(new Visit("loc-a", at(s, 0), null)), List.of()));
        AccuracyReport.Figures f = AccuracyReport.evaluate(s, TrueVisits.of(s), heard(0), answers, SITES);
        assertThat(f.trueVisits()).isEqualTo(3);
        assertThat(f.visits()).isEqualTo(new IntervalMatcher.Score(4, 2, 2, 2));
        assertThat(f.visits().precision()).isEqualTo(0.5);
        assertThat(f.visits().recall()).isEqualTo(1.0);
        // 330 s is 30 s after the true handling ended: within the 60 s tolerance; 20..30 s matches nothing
        assertThat(f.handlings()).isEqualTo(new IntervalMatcher.Score(2, 1, 1, 1));
        assertThat(f.positioned()).isZero();
        assertThat(f.medianError()).isNaN();
    }

    @Test
    void locationsWithASitesGeofenceStandForThatSite() {
        FieldScenario s = scenario();
        List<TrackingAnswers.Location> locations = List.of(
                new TrackingAnswers.Location("mine-a", GEO.lat(0), GEO.lon(0), 30.0),
                new TrackingAnswers.Location("earlier-run-b", GEO.lat(0.5), GEO.lon(200.3), 30.0),
                new TrackingAnswers.Location("same-centre-other-radius", GEO.lat(0), GEO.lon(0), 50.0),
                new TrackingAnswers.Location("two-metres-off", GEO.lat(2), GEO.lon(200), 30.0),
                new TrackingAnswers.Location("no-geofence", null, null, null));
        assertThat(AccuracyReport.sitesByGeofence(s, locations)).isEqualTo(Map.of("mine-a", 0, "earlier-run-b", 1));
    }

    @Test
    void aServerWithoutTrackingIsReportedAsNothingPositionedNotAsAFailure() {
        FieldScenario s = scenario();
        List<AssetAnswers> none = new ArrayList<>(List.of(AssetAnswers.none(), AssetAnswers.none()));
        AccuracyReport.Figures f = AccuracyReport.evaluate(s, TrueVisits.of(s), heard(0, 1), none, SITES);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccuracyReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), new AccuracyReport.Settings(4.5, 4,
                1, 2, Duration.ofSeconds(400), 42, at(s, 0), at(s, 400)), f);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("positioned +0 +of 2 tags heard at least once \\(2 tags\\)");
        assertThat(text).containsPattern("position error p50 +- ");
        assertThat(text).containsPattern("visit precision +- +0 of 0 predicted");
        assertThat(text).containsPattern("visit recall +0\\.00 +0 of 2 observable true visits found \\(3 true visits");
        assertThat(text).containsPattern("handling recall +0\\.00 +0 of 1 true handlings");
        assertThat(text).contains("gps sigma", "4.5 m", "rssi sigma", "4.0 dB", "devices", "window", "0:06:40",
                "seed", "42", "2 in locations at the start, 0 outside");
    }
}
