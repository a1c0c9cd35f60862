package dev.holdfast.fleet.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A collector's health report, validated field by field from the JSON body so that any wrong value — of range or
 * of type — is a 422 naming the field. Every field is optional; unknown fields are refused (a typo would otherwise
 * be dropped silently).
 */
public record TelemetryReport(@Nullable String appVersion, @Nullable String osVersion, @Nullable Integer batteryPct,
        @Nullable Integer pendingBatches, @Nullable Instant lastUploadAt, Map<String, Object> permissions,
        @Nullable String lastError) {

    static final Set<String> FIELDS = Set.of("appVersion", "osVersion", "batteryPct", "pendingBatches", "lastUploadAt",
            "permissions", "lastError");
    static final int MAX_PERMISSIONS = 30;
    static final int MAX_ERROR = 2000;

    public static TelemetryReport parse(@Nullable JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("The request body must be a JSON object");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw ProblemException.invalid(name, "is not a telemetry field");
            }
        }
        Instant lastUpload = null;
        String uploadText = text(body, "lastUploadAt", 40);
        if (uploadText != null) {
            try {
                lastUpload = Instant.parse(uploadText);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("lastUploadAt", "must be an ISO-8601 instant like 2026-11-23T10:15:30Z");
            }
            if (lastUpload.isAfter(now.plus(Duration.ofDays(1)))) {
                throw ProblemException.invalid("lastUploadAt", "must not be in the future");
            }
        }
        return new TelemetryReport(text(body, "appVersion", 50), text(body, "osVersion", 50),
                integer(body, "batteryPct", 0, 100), integer(body, "pendingBatches", 0, 1_000_000), lastUpload,
                permissions(body.get("permissions")), text(body, "lastError", MAX_ERROR));
    }

    private static @Nullable String text(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ProblemException.invalid(field, "must be a string");
        }
        String value = node.stringValue();
        if (value.length() > max) {
            throw ProblemException.invalid(field, "must be at most " + max + " characters");
        }
        return value;
    }

    private static @Nullable Integer integer(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
        }
        return node.intValue();
    }

    /** An object of permission name → true/false or a short status string ("granted", "while-in-use"). */
    private static Map<String, Object> permissions(@Nullable JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ProblemException.invalid("permissions", "must be an object of permission names to true/false");
        }
        if (node.size() > MAX_PERMISSIONS) {
            throw ProblemException.invalid("permissions", "at most " + MAX_PERMISSIONS + " entries");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 50) {
                throw ProblemException.invalid("permissions", "names must be 1 to 50 characters");
            }
            JsonNode value = e.getValue();
            if (value.isBoolean()) {
                out.put(e.getKey(), value.booleanValue());
            } else if (value.isString() && value.stringValue().length() <= 50) {
                out.put(e.getKey(), value.stringValue());
            } else {
                throw ProblemException.invalid("permissions." + e.getKey(), "must be true, false or a short string");
            }
        }
        return out;
    }
}
