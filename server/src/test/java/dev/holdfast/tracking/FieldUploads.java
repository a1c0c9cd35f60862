package dev.holdfast.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.tracking.domain.CorrelationWorker;

import tools.jackson.databind.JsonNode;

/** A collector as tests use it: enrolled with a real code, uploading real batches; and the correlation run to the end. */
public final class FieldUploads {

    /** An enrolled device: its id, token and the enrolment answer. */
    public record Device(UUID id, String token, JsonNode enrolment) {
    }

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public FieldUploads(int port) {
        this.port = port;
    }

    /** Enrols a device ("Pixel 8") with a code an admin of {@code api}'s company creates. */
    public Device enrol(ApiClient admin, String hardwareId) {
        String code = admin.post("/api/v1/enrollment-codes", Map.of()).json().get("code").asString();
        ApiClient.Reply r = new ApiClient(port).post("/api/v1/devices/enroll", Map.of("code", code, "hardwareId",
                hardwareId, "model", "Pixel 8", "appVersion", "1.4.0"));
        assertThat(r.status()).isEqualTo(201);
        return new Device(UUID.fromString(r.json().get("deviceId").asString()), r.json().get("token").asString(),
                r.json());
    }

    public void upload(Device device, Batch batch) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/ingest/batches")).header("Authorization", "Bearer " + device.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new BatchCodec().encode(batch))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    /** Correlates until the queue is empty. */
    public static void correlate(CorrelationWorker worker) {
        while (worker.processOnce(100) > 0) {
            // until the queue is empty
        }
    }
}
