package dev.holdfast.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The API calls of the simulator besides uploads: enrolment (API.md "Collector devices and field data"), asset
 * creation with tags and location creation (need a Manager's API token), and plain GETs for the accuracy mode's
 * questions. A {@code 429} to a write is waited out as its {@code Retry-After} says.
 */
final class ServerApi {

    /** What enrolment hands a device. */
    record Enrolment(UUID deviceId, String token, int uploadIntervalSeconds) {
    }

    /** An answer that is not the expected one. */
    static final class ApiException extends IOException {
        final int status;

        ApiException(String what, int status, String body) {
            super(what + " failed: HTTP " + status + (body.isBlank() ? "" : " " + abbreviate(body)));
            this.status = status;
        }

        private static String abbreviate(String body) {
            String flat = body.replaceAll("\\s+", " ");
            return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
        }
    }

    record Reply(int status, String body, @Nullable String retryAfter) {
    }

    private final URI server;
    private final int timeoutMillis;

    ServerApi(URI server, int timeoutMillis) {
        this.server = server;
        this.timeoutMillis = timeoutMillis;
    }

    URI server() {
        return server;
    }

    Enrolment enroll(String code, String hardwareId, String model, String appVersion) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("hardwareId", hardwareId);
        body.put("model", model);
        body.put("appVersion", appVersion);
        Reply r = call("POST", "/api/v1/devices/enroll", null, Json.write(body), "enrolment");
        if (r.status() != 201) {
            throw new ApiException("enrolment" + (r.status() == 401 ? " (bad, expired or used-up code)" : ""), r.status(),
                    r.body());
        }
        return new Enrolment(UUID.fromString(Json.field(r.body(), "deviceId").orElseThrow()),
                Json.field(r.body(), "token").orElseThrow(),
                Json.field(r.body(), "uploadIntervalSeconds").map(Integer::parseInt).orElse(900));
    }

    /** Creates an asset with one tag (and a location, a name or an id, unless null); returns its id. */
    String createAsset(String apiToken, String name, String category, @Nullable String location, String tagId,
            String notes) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", category);
        if (location != null) {
            body.put("location", location);
        }
        body.put("notes", notes);
        body.put("tags", List.of(tagId));
        Reply r = call("POST", "/api/v1/assets", apiToken, Json.write(body), "asset creation");
        if (r.status() != 201) {
            throw new ApiException("creating asset '" + name + "'"
                    + (r.status() == 401 || r.status() == 403 ? " (the token must be a Manager's or above)" : ""),
                    r.status(), r.body());
        }
        return Json.field(r.body(), "id").orElse("?");
    }

    /** Creates a location with a geofence ({@code POST /api/v1/locations}); returns its id. */
    String createLocation(String apiToken, String name, double latitude, double longitude, double radiusM)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("radiusM", radiusM);
        Reply r = call("POST", "/api/v1/locations", apiToken, Json.write(body), "location creation");
        if (r.status() != 201) {
            throw new ApiException("creating location '" + name + "'"
                    + (r.status() == 401 || r.status() == 403 ? " (the token must be a Manager's or above)" : ""),
                    r.status(), r.body());
        }
        return Json.field(r.body(), "id").orElseThrow(() -> new IOException("the new location has no id: " + r.body()));
    }

    /** A GET of JSON with the token (no retries); any status is returned. */
    Reply get(String path, @Nullable String bearer) throws IOException {
        return once("GET", path, bearer, null, "application/json");
    }

    /** A GET of plain text (e.g. {@code /actuator/prometheus}), without a token. */
    Reply getText(String path) throws IOException {
        return once("GET", path, null, null, "text/plain, */*;q=0.1");
    }

    /** The device's telemetry report ({@code PUT /api/v1/devices/self/telemetry}); returns the status. */
    int telemetry(String deviceToken, Map<String, Object> report) throws IOException {
        return call("PUT", "/api/v1/devices/self/telemetry", deviceToken, Json.write(report), "telemetry").status();
    }

    /** One JSON request; waits out up to five 429 answers. */
    Reply call(String method, String path, @Nullable String bearer, String json, String what) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Reply r = once(method, path, bearer, json.getBytes(StandardCharsets.UTF_8), "application/json");
            if (r.status() != 429 || attempt >= 5) {
                return r;
            }
            long wait = 10;
            try {
                wait = r.retryAfter() == null ? 10 : Long.parseLong(r.retryAfter().trim());
            } catch (NumberFormatException ignored) {
                // an HTTP date: keep the default
            }
            System.err.printf("  %s rate limited: waiting %d s (turn rate limits off with HOLDFAST_RATE_LIMIT_ENABLED=false)%n",
                    what, wait);
            try {
                Thread.sleep(Math.min(120, Math.max(1, wait)) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private Reply once(String method, String path, @Nullable String bearer, byte @Nullable [] body, String accept)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) server.resolve(path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        c.setRequestProperty("Accept", accept);
        if (bearer != null) {
            c.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        if (body != null) { // a GET with setDoOutput(true) would go out as a POST
            c.setRequestProperty("Content-Type", "application/json");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Reply(status, text, c.getHeaderField("Retry-After"));
    }
}
