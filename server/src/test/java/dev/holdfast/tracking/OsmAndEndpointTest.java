package dev.holdfast.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.WebTest;
import dev.holdfast.tracking.osmand.OsmAndFixtures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Traccar Client and OsmAnd-protocol trackers, with the requests of the captured fixture (their tracker ids and times
 * replaced by this test's: the captured times are years older than any retention).
 */
class OsmAndEndpointTest extends WebTest {

    final HttpClient http = HttpClient.newHttpClient();
    ApiClient api;
    String tracker;
    UUID truck;

    @BeforeEach
    void anAssetWithATracker() {
        api = accounts.as(accounts.owner("Fleet Co"));
        tracker = "trk-" + UUID.randomUUID().toString().substring(0, 8);
        truck = UUID.fromString(api.post("/api/v1/assets", Map.of("name", "Truck 7", "tags", List.of("osmand:" + tracker)))
                .json().get("id").asString());
    }

    HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/osmand?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/osmand"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyCapturedRequestFormIsRecordedAsTheAssetsPosition() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        int sent = 0;
        for (OsmAndFixtures.Request r : OsmAndFixtures.load()) {
            if (!r.line().contains("verifyPosition")) {
                continue;
            }
            HttpResponse<String> response;
            if (r.method().equals("GET")) {
                String query = r.query().replaceAll("(^|&)(id|deviceid)=[^&]*", "$1$2=" + tracker)
                        .replaceAll("timestamp=[^&]*", "timestamp=" + (now - 60 + sent));
                response = get(query);
            } else {
                String body = r.body().replaceAll("\"device_id\":\"[^\"]*\"", "\"device_id\":\"" + tracker + "\"")
                        .replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"" + Instant.ofEpochSecond(now - 60 + sent) + "\"");
                response = post("application/json", body);
            }
            assertThat(response.statusCode()).as(r.line() + " -> " + response.body()).isEqualTo(200);
            sent++;
        }
        assertThat(sent).isEqualTo(12);
        JsonNode location = api.get("/api/v1/assets/" + truck + "/location").json();
        assertThat(location.get("source").asString()).isEqualTo("osmand");
        assertThat(api.get("/api/v1/assets/" + truck + "/sightings?size=100").json().get("items").size()).isPositive();
    }

    @Test
    void aReportPlacesTheAssetWhereTheTrackerIs() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        assertThat(get("id=" + tracker + "&lat=42.06288&lon=-88.23412&timestamp=" + now + "&accuracy=6").statusCode())
                .isEqualTo(200);
        JsonNode location = api.get("/api/v1/assets/" + truck + "/location").json();
        assertThat(location.get("lat").asDouble()).isEqualTo(42.06288);
        assertThat(location.get("lon").asDouble()).isEqualTo(-88.23412);
        assertThat(location.get("accuracyM").asDouble()).isEqualTo(6.0);
        // a form body, as Traccar Client posts it
        assertThat(post("application/x-www-form-urlencoded", "id=" + tracker + "&lat=42.07&lon=-88.24&timestamp="
                + (now + 1)).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/assets/" + truck + "/location").json().get("lat").asDouble()).isEqualTo(42.07);
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        assertThat(get("timestamp=" + now + "&lat=60.0&lon=30.0").statusCode()).as("no id").isEqualTo(400);
        assertThat(get("id=unknown-" + UUID.randomUUID() + "&lat=60.0&lon=30.0").statusCode()).isEqualTo(404);
        assertThat(get("id=" + tracker + "&lat=95&lon=30").statusCode()).isEqualTo(400);
        assertThat(get("id=" + tracker + "&lat=60&lon=30&timestamp=1377177267").statusCode())
                .as("older than the retention").isEqualTo(400);
        assertThat(post("application/json", "{not json").statusCode()).isEqualTo(400);
        assertThat(post("application/json", "{\"device_id\":\"" + tracker + "\"}").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/assets/" + truck + "/location").status()).isEqualTo(404);
    }
}
