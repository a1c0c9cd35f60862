package dev.holdfast.tracking.osmand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class OsmAndReportsTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    final JsonMapper json = JsonMapper.builder().build();

    OsmAndReport query(String query) throws Exception {
        return OsmAndReports.fromParameters(new OsmAndFixtures.Request("", "GET", query, "").parameters(), NOW);
    }

    @Test
    void everyCapturedTraccarRequestDecodesAsTraccarDecodesIt() throws Exception {
        List<OsmAndFixtures.Request> requests = OsmAndFixtures.load();
        assertThat(requests).hasSize(15);
        int positions = 0;
        int refused = 0;
        for (OsmAndFixtures.Request r : requests) {
            if (r.line().contains("verifyNull")) {
                assertThatThrownBy(() -> OsmAndReports.fromParameters(r.parameters(), NOW)).as(r.line())
                        .isInstanceOf(OsmAndRequestException.class).hasMessageContaining("id");
                refused++;
                continue;
            }
            List<OsmAndReport> reports = r.method().equals("GET") ? List.of(OsmAndReports.fromParameters(r.parameters(), NOW))
                    : OsmAndReports.fromJson(json.readTree(r.body()), NOW);
            assertThat(reports).as(r.line()).hasSize(1);
            if (r.line().contains("verifyPosition")) {
                assertThat(reports.get(0).hasPosition()).as(r.line()).isTrue();
                positions++;
            }
        }
        assertThat(positions).isEqualTo(12);
        assertThat(refused).isEqualTo(1);
    }

    @Test
    void theDecodedValuesOfTheCapturedRequests() throws Exception {
        OsmAndReport iso = query("id=902064&lat=42.06288&lon=-88.23412&timestamp=2016-01-27T18%3A55%3A47Z&hdop=6.0&altitude=224.0&speed=0.0");
        assertThat(iso.trackerId()).isEqualTo("902064");
        assertThat(iso.time()).isEqualTo(Instant.parse("2016-01-27T18:55:47Z"));
        assertThat(iso.lat()).isEqualTo(42.06288);
        assertThat(iso.lon()).isEqualTo(-88.23412);
        assertThat(iso.accuracyM()).as("from hdop").isEqualTo(30.0);
        assertThat(query("id=902064&lat=42.06288&lon=-88.23412&timestamp=1442068686579&hdop=6.0").time())
                .isEqualTo(Instant.parse("2015-09-12T14:38:06.579Z"));
        assertThat(query("id=123456&timestamp=1377177267&lat=60.0&lon=30.0").time())
                .isEqualTo(Instant.parse("2013-08-22T13:14:27Z"));
        assertThat(query("lat=49.60688&lon=6.15788&timestamp=2014-06-04+09%3A10%3A11&altitude=384.7&speed=0.0&id=353861053849681").time())
                .isEqualTo(Instant.parse("2014-06-04T09:10:11Z"));
        OsmAndReport combined = query("id=123456&timestamp=1377177267&location=60.0,30.0");
        assertThat(combined.lat()).isEqualTo(60.0);
        assertThat(combined.lon()).isEqualTo(30.0);
        OsmAndReport alias = query("lat=60.0&lon=30.0&speed=0.0&heading=0.0&vacc=0&hacc=0&altitude=0&deviceid=123456");
        assertThat(alias.trackerId()).isEqualTo("123456");
        assertThat(alias.time()).as("no timestamp: the server's time").isEqualTo(NOW);
        assertThat(query("id=123456&timestamp=1377177267&cell=257,02,16,2224&wifi=00-14-22-01-23-45,-80").hasPosition())
                .isFalse();
        OsmAndReport body = OsmAndReports.fromJson(json.readTree("""
                {"location":{"event":"motionchange","timestamp":"2021-07-21T08:06:34.444Z","coords":{"latitude":-6.1148096,
                "longitude":106.6837015,"accuracy":3.8,"speed":18.67,"heading":63,"altitude":35.7}},"device_id":"8737767034"}
                """), NOW).get(0);
        assertThat(body.trackerId()).isEqualTo("8737767034");
        assertThat(body.lat()).isEqualTo(-6.1148096);
        assertThat(body.accuracyM()).isEqualTo(3.8);
        assertThat(body.time()).isEqualTo(Instant.parse("2021-07-21T08:06:34.444Z"));
    }

    @Test
    void badValuesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> query("id=1&lat=91&lon=0")).hasMessageContaining("lat");
        assertThatThrownBy(() -> query("id=1&lat=10&lon=abc")).hasMessageContaining("lon");
        assertThatThrownBy(() -> query("id=1&lat=10")).hasMessageContaining("lat and lon");
        assertThatThrownBy(() -> query("id=1&lat=1&lon=1&timestamp=yesterday")).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> query("id=a%20b&lat=1&lon=1")).hasMessageContaining("id");
        assertThatThrownBy(() -> OsmAndReports.fromJson(json.readTree("{\"device_id\":\"7\"}"), NOW))
                .hasMessageContaining("location");
        assertThatThrownBy(() -> OsmAndReports.fromParameters(Map.of(), NOW)).hasMessageContaining("id");
    }
}
