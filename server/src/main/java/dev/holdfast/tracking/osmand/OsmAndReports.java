package dev.holdfast.tracking.osmand;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads OsmAnd-protocol reports as Traccar's {@code OsmAndProtocolDecoder} accepts them: the query (or form) form —
 * {@code id} or {@code deviceid}; {@code lat}/{@code lon} or {@code location=lat,lon}; {@code timestamp} as Unix
 * seconds, milliseconds, ISO-8601 or {@code yyyy-MM-dd HH:mm:ss} (UTC); {@code accuracy} in metres, else
 * {@code hdop} — and the JSON form of Traccar Client 9+ ({@code {device_id, location: {timestamp, coords: {latitude,
 * longitude, accuracy, …}}}}, or a {@code locations} array). Speed, heading, altitude and battery are accepted and not
 * kept. Pure: no I/O.
 */
public final class OsmAndReports {

    /** As {@code osmand:} tag ids allow. */
    static final Pattern TRACKER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** At most this many reports in one JSON body. */
    static final int MAX_REPORTS = 1000;

    private OsmAndReports() {
    }

    /** The report of a query or form request ({@code parameters} as the servlet gives them). */
    public static OsmAndReport fromParameters(Map<String, String[]> parameters, Instant now) {
        String id = first(parameters, "id");
        if (id == null) {
            id = first(parameters, "deviceid");
        }
        String trackerId = trackerId(id);
        Double lat = number(parameters, "lat");
        Double lon = number(parameters, "lon");
        String location = first(parameters, "location");
        if ((lat == null || lon == null) && location != null) {
            String[] parts = location.split(",");
            if (parts.length != 2) {
                throw new OsmAndRequestException("location must be lat,lon");
            }
            lat = parse("location", parts[0]);
            lon = parse("location", parts[1]);
        }
        Instant time = time(first(parameters, "timestamp"), now);
        Double accuracy = number(parameters, "accuracy");
        if (accuracy == null) {
            Double hdop = number(parameters, "hdop");
            accuracy = hdop == null || hdop <= 0 ? null : hdop * 5;
        }
        return checked(new OsmAndReport(trackerId, time, lat, lon, accuracy));
    }

    /** The reports of a JSON body. */
    public static List<OsmAndReport> fromJson(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw new OsmAndRequestException("the body must be a JSON object");
        }
        JsonNode idNode = body.get("device_id");
        String trackerId = trackerId(idNode == null || idNode.isNull() ? null : idNode.asString());
        List<JsonNode> locations = new ArrayList<>();
        JsonNode one = body.get("location");
        if (one != null && one.isObject()) {
            locations.add(one);
        } else if (one != null && one.isArray()) {
            one.forEach(locations::add);
        }
        JsonNode many = body.get("locations");
        if (many != null && many.isArray()) {
            many.forEach(locations::add);
        }
        if (locations.isEmpty()) {
            throw new OsmAndRequestException("location is missing");
        }
        if (locations.size() > MAX_REPORTS) {
            throw new OsmAndRequestException("at most " + MAX_REPORTS + " locations in one request");
        }
        List<OsmAndReport> reports = new ArrayList<>();
        for (JsonNode l : locations) {
            JsonNode coords = l.get("coords");
            if (coords == null || !coords.isObject()) {
                throw new OsmAndRequestException("location.coords is missing");
            }
            JsonNode ts = l.get("timestamp");
            Instant time = time(ts == null || ts.isNull() ? null : ts.asString(), now);
            Double accuracy = jsonNumber(coords, "accuracy");
            reports.add(checked(new OsmAndReport(trackerId, time, jsonNumber(coords, "latitude"),
                    jsonNumber(coords, "longitude"), accuracy == null || accuracy < 0 ? null : accuracy)));
        }
        return reports;
    }

    private static String trackerId(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw new OsmAndRequestException("id is missing");
        }
        String trimmed = id.strip();
        if (!TRACKER_ID.matcher(trimmed).matches()) {
            throw new OsmAndRequestException("id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return trimmed;
    }

    private static OsmAndReport checked(OsmAndReport r) {
        if ((r.lat() == null) != (r.lon() == null)) {
            throw new OsmAndRequestException("lat and lon come together");
        }
        if (r.lat() != null && !(r.lat() >= -90 && r.lat() <= 90)) {
            throw new OsmAndRequestException("lat must be between -90 and 90");
        }
        if (r.lon() != null && !(r.lon() >= -180 && r.lon() <= 180)) {
            throw new OsmAndRequestException("lon must be between -180 and 180");
        }
        if (r.accuracyM() != null && !(r.accuracyM() >= 0 && r.accuracyM() < 1_000_000)) {
            throw new OsmAndRequestException("accuracy must be a number of metres");
        }
        return r;
    }

    /** Unix seconds (below 2^31), milliseconds, ISO-8601, or "yyyy-MM-dd HH:mm:ss" in UTC; absent = now. */
    static Instant time(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        String v = value.strip();
        try {
            if (v.chars().allMatch(Character::isDigit) && v.length() <= 15) {
                long n = Long.parseLong(v);
                return n < Integer.MAX_VALUE ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
            }
            if (v.contains("T")) {
                return v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")
                        ? java.time.OffsetDateTime.parse(v).toInstant()
                        : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(v, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new OsmAndRequestException("timestamp must be Unix seconds or milliseconds, or an ISO-8601 time");
        }
    }

    private static @Nullable String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static @Nullable Double number(Map<String, String[]> parameters, String name) {
        String value = first(parameters, name);
        return value == null || value.isBlank() ? null : parse(name, value);
    }

    private static double parse(String name, String value) {
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new OsmAndRequestException(name + " must be a number");
        }
    }

    private static @Nullable Double jsonNumber(JsonNode object, String name) {
        JsonNode n = object.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new OsmAndRequestException("coords." + name + " must be a number");
        }
        return n.asDouble();
    }
}
