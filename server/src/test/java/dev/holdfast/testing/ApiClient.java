package dev.holdfast.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over real HTTP against the running server, optionally with a bearer token. */
public final class ApiClient {

    /** A response with its parsed body. */
    public record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final @Nullable String token;

    public ApiClient(int port) {
        this(port, null);
    }

    private ApiClient(int port, @Nullable String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
        this.portNumber = port;
    }

    private final int portNumber;

    public ApiClient withToken(String bearer) {
        return new ApiClient(portNumber, bearer);
    }

    public Reply get(String path) {
        return send(builder(path).GET().build());
    }

    public Reply post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    public Reply postJson(String path, String rawJson) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawJson)).build());
    }

    public Reply patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    public Reply put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE().build());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
