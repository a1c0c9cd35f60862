package dev.holdfast.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The server's tracking answers (API.md "Tags and tracking") as records: an asset's latest position
 * ({@code GET /api/v1/assets/{id}/location}), and pages of its visits and handlings; and the company's locations.
 */
final class TrackingAnswers {

    record Position(Instant seenAt, double lat, double lon, @Nullable Double accuracyM, @Nullable String locationId,
            @Nullable String source) {
    }

    /** {@code leftAt} null: still there. */
    record Visit(@Nullable String locationId, Instant arrivedAt, @Nullable Instant leftAt) {
    }

    /** {@code endedAt} null: still going on. */
    record Handling(Instant startedAt, @Nullable Instant endedAt, @Nullable Double lat, @Nullable Double lon,
            @Nullable String locationId, @Nullable Double movedM) {
    }

    /** A location of the company ({@code GET /api/v1/locations}); without a geofence its numbers are null. */
    record Location(String id, @Nullable Double latitude, @Nullable Double longitude, @Nullable Double radiusM) {
    }

    record Page<T>(List<T> items, @Nullable String next) {
    }

    private TrackingAnswers() {
    }

    static Position position(String json) {
        Map<?, ?> m = object(JsonReader.parse(json));
        return new Position(instant(required(m, "seenAt")), number(required(m, "lat")), number(required(m, "lon")),
                optionalNumber(m.get("accuracyM")), text(m.get("locationId")), text(m.get("source")));
    }

    static Page<Visit> visits(String json) {
        return page(json, m -> new Visit(text(m.get("locationId")), instant(required(m, "arrivedAt")),
                m.get("leftAt") == null ? null : instant(m.get("leftAt"))));
    }

    static Page<Handling> handlings(String json) {
        return page(json, m -> new Handling(instant(required(m, "startedAt")),
                m.get("endedAt") == null ? null : instant(m.get("endedAt")), optionalNumber(m.get("lat")),
                optionalNumber(m.get("lon")), text(m.get("locationId")), optionalNumber(m.get("movedM"))));
    }

    static Page<Location> locations(String json) {
        return page(json, m -> new Location(required(m, "id").toString(), optionalNumber(m.get("latitude")),
                optionalNumber(m.get("longitude")), optionalNumber(m.get("radiusM"))));
    }

    private static <T> Page<T> page(String json, Function<Map<?, ?>, T> item) {
        Object root = JsonReader.parse(json);
        List<?> items;
        String next = null;
        if (root instanceof List<?> list) {
            items = list;
        } else {
            Map<?, ?> m = object(root);
            items = m.get("items") instanceof List<?> list ? list : List.of();
            next = text(m.get("next"));
        }
        List<T> out = new ArrayList<>();
        for (Object o : items) {
            out.add(item.apply(object(o)));
        }
        return new Page<>(out, next);
    }

    /** ISO-8601 with {@code Z} or an offset, or epoch milliseconds. */
    static Instant instant(@Nullable Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (RuntimeException e) {
                return OffsetDateTime.parse(s).toInstant();
            }
        }
        throw new IllegalArgumentException("not an instant: " + value);
    }

    private static Map<?, ?> object(@Nullable Object value) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("expected a JSON object, not " + value);
    }

    private static Object required(Map<?, ?> m, String field) {
        Object value = m.get(field);
        if (value == null) {
            throw new IllegalArgumentException("the answer has no " + field);
        }
        return value;
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("not a number: " + value);
    }

    private static @Nullable Double optionalNumber(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
