package dev.holdfast.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import dev.holdfast.fleet.domain.TelemetryReport;
import dev.holdfast.platform.ProblemException;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class TelemetryReportTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFullReportFromTheCollectorParses() {
        TelemetryReport report = TelemetryReport.parse(json.readTree("""
                {"appVersion": "1.4.0", "osVersion": "Android 14 (API 34)", "batteryPct": 63, "pendingBatches": 2,
                 "lastUploadAt": "2026-11-23T09:45:12Z",
                 "permissions": {"location": true, "backgroundLocation": "while-in-use", "bluetooth": false},
                 "lastError": null}
                """), NOW);
        assertThat(report.batteryPct()).isEqualTo(63);
        assertThat(report.lastUploadAt()).isEqualTo(Instant.parse("2026-11-23T09:45:12Z"));
        assertThat(report.permissions()).containsEntry("backgroundLocation", "while-in-use")
                .containsEntry("bluetooth", false);
        assertThat(report.lastError()).isNull();
    }

    @Test
    void wrongValuesNameTheirField() {
        assertField("{\"batteryPct\": -1}", "batteryPct");
        assertField("{\"batteryPct\": 50.5}", "batteryPct");
        assertField("{\"pendingBatches\": \"3\"}", "pendingBatches");
        assertField("{\"lastUploadAt\": \"2027-11-23T09:45:12Z\"}", "lastUploadAt");
        assertField("{\"permissions\": {\"location\": {\"fine\": true}}}", "permissions.location");
        assertField("{\"lastError\": \"" + "x".repeat(2001) + "\"}", "lastError");
        assertField("{\"lat\": 48.1}", "lat");
        assertThatThrownBy(() -> TelemetryReport.parse(json.readTree("[1, 2]"), NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }

    private void assertField(String body, String field) {
        assertThatThrownBy(() -> TelemetryReport.parse(json.readTree(body), NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.errors().get(0).field()).isEqualTo(field);
                });
    }
}
