package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** Reading the server's tracking answers (API.md "Tags and tracking") and its Prometheus gauge. */
class TrackingAnswersTest {

    @Test
    void anAssetsLocation() {
        TrackingAnswers.Position p = TrackingAnswers.position("""
                {"seenAt":"2026-11-23T10:15:30Z","lat":48.13743,"lon":11.57549,"accuracyM":6.5,
                 "locationId":"0b7c0000-0000-4000-8000-000000000001","locationName":"Site A","source":"ble"}""");
        assertThat(p).isEqualTo(new TrackingAnswers.Position(Instant.parse("2026-11-23T10:15:30Z"), 48.13743, 11.57549,
                6.5, "0b7c0000-0000-4000-8000-000000000001", "ble"));
        TrackingAnswers.Position outside = TrackingAnswers.position("""
                {"seenAt":"2026-11-23T10:15:30.250+01:00","lat":-1,"lon":2.5,"accuracyM":null,"locationId":null,
                 "locationName":null,"source":"osmand"}""");
        assertThat(outside.seenAt()).isEqualTo(Instant.parse("2026-11-23T09:15:30.250Z"));
        assertThat(outside.locationId()).isNull();
        assertThatThrownBy(() -> TrackingAnswers.position("{\"lat\":1,\"lon\":2}")).hasMessageContaining("seenAt");
    }

    @Test
    void pagesOfVisitsAndHandlings() {
        TrackingAnswers.Page<TrackingAnswers.Visit> visits = TrackingAnswers.visits("""
                {"items":[{"locationId":"a","locationName":"Site \\"A\\"","arrivedAt":"2026-11-23T08:00:00Z",
                           "leftAt":"2026-11-23T09:00:00Z","dwellSeconds":3600},
                          {"locationId":"b","locationName":"B","arrivedAt":"2026-11-23T09:05:00Z","leftAt":null,
                           "dwellSeconds":600}],
                 "next":"eyJhIjoxfQ=="}""");
        assertThat(visits.items()).containsExactly(
                new TrackingAnswers.Visit("a", Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-11-23T09:00:00Z")),
                new TrackingAnswers.Visit("b", Instant.parse("2026-11-23T09:05:00Z"), null));
        assertThat(visits.next()).isEqualTo("eyJhIjoxfQ==");

        TrackingAnswers.Page<TrackingAnswers.Handling> handlings = TrackingAnswers.handlings("""
                {"items":[{"startedAt":"2026-11-23T08:10:00Z","endedAt":"2026-11-23T08:13:20Z","lat":48.1,"lon":11.5,
                           "locationId":null,"movedM":212.5}],"next":null}""");
        assertThat(handlings.items()).containsExactly(new TrackingAnswers.Handling(
                Instant.parse("2026-11-23T08:10:00Z"), Instant.parse("2026-11-23T08:13:20Z"), 48.1, 11.5, null, 212.5));
        assertThat(handlings.next()).isNull();
        assertThat(TrackingAnswers.visits("[]").items()).isEmpty();
    }

    @Test
    void theCompanysLocations() {
        TrackingAnswers.Page<TrackingAnswers.Location> page = TrackingAnswers.locations("""
                {"items":[{"id":"a","name":"Site A","parentId":null,"address":null,"latitude":48.1,"longitude":11.5,
                           "radiusM":30.0,"createdAt":"2026-11-23T08:00:00Z"},
                          {"id":"b","name":"Field","latitude":null,"longitude":null,"radiusM":null}],"next":null}""");
        assertThat(page.items()).containsExactly(new TrackingAnswers.Location("a", 48.1, 11.5, 30.0),
                new TrackingAnswers.Location("b", null, null, null));
    }

    @Test
    void jsonReaderReadsWhatTheServerWrites() {
        assertThat(JsonReader.parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\\u00e9\\n\"], \"b\": {}} "))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -25.0, true, false, null, "xé\n"), "b", Map.of()));
        assertThat(JsonReader.parse("[]")).isEqualTo(List.of());
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonReader.parse("<html>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBacklogGaugeFromPrometheusText() {
        String text = """
                # HELP holdfast_tracking_backlog Uploaded batches not yet correlated
                # TYPE holdfast_tracking_backlog gauge
                holdfast_tracking_backlog{application="holdfast"} 3.0
                holdfast_tracking_backlog{application="holdfast",node="b"} 2.0
                holdfast_tracking_backlog_seconds 99.0
                holdfast_ingest_uploads_total{outcome="accepted"} 120.0
                """;
        assertThat(PrometheusGauge.read(text, "holdfast_tracking_backlog")).isEqualTo(OptionalDouble.of(5));
        assertThat(PrometheusGauge.read("holdfast_tracking_backlog 0.0\n", "holdfast_tracking_backlog"))
                .isEqualTo(OptionalDouble.of(0));
        assertThat(PrometheusGauge.read("# TYPE holdfast_tracking_backlog gauge\nholdfast_ingest_uploads_total 1\n",
                "holdfast_tracking_backlog")).isEmpty();
    }
}
