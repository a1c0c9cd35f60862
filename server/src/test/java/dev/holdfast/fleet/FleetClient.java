package dev.holdfast.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fleet's calls as a test makes them: codes, enrolment, and the verbs ApiClient lacks (PUT, PATCH). */
final class FleetClient {

    /** An enrolled device: its id and token. */
    record Enrolled(UUID deviceId, String token, JsonNode body) {
    }

    private final int port;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    FleetClient(int port) {
        this.port = port;
    }

    String code(ApiClient admin, Map<String, ?> body) {
        ApiClient.Reply r = admin.post("/api/v1/enrollment-codes", body);
        if (r.status() != 201) {
            throw new IllegalStateException("code failed: " + r.raw().body());
        }
        return r.json().get("code").asString();
    }

    String code(TestAccounts.Person admin, TestAccounts accounts) {
        return code(accounts.as(admin), Map.of());
    }

    ApiClient.Reply enroll(String code, String hardwareId) {
        return new ApiClient(port).post("/api/v1/devices/enroll", Map.of("code", code, "hardwareId", hardwareId,
                "model", "Pixel 8", "appVersion", "1.4.0"));
    }

    Enrolled enrolled(String code, String hardwareId) {
        ApiClient.Reply r = enroll(code, hardwareId);
        if (r.status() != 201) {
            throw new IllegalStateException("enroll failed: " + r.raw().body());
        }
        return new Enrolled(UUID.fromString(r.json().get("deviceId").asString()), r.json().get("token").asString(),
                r.json());
    }

    ApiClient.Reply put(@Nullable String token, String path, Object body) {
        return send("PUT", token, path, body instanceof String s ? s : json.writeValueAsString(body));
    }

    ApiClient.Reply patch(@Nullable String token, String path, Object body) {
        return send("PATCH", token, path, json.writeValueAsString(body));
    }

    private ApiClient.Reply send(String method, @Nullable String token, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new ApiClient.Reply(response.statusCode(), parsed, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hardwareId() {
        return "android-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
