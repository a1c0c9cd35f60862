package dev.holdfast.tracking.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.holdfast.tracking.osmand.OsmAndReport;
import dev.holdfast.tracking.osmand.OsmAndReports;
import dev.holdfast.tracking.osmand.OsmAndRequestException;
import dev.holdfast.tracking.osmand.OsmAndTrackers;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OsmAnd protocol endpoint for GPS trackers fixed to assets (Traccar Client compatible): {@code GET} or
 * {@code POST /osmand?id=…&lat=…&lon=…&timestamp=…}, a form body, or Traccar Client's JSON body. Answers 200 when
 * recorded, 400 for a missing id or a bad value, 404 for a tracker id no asset carries, 409 when it is on assets of
 * several companies, 429 when a tracker reports too often. Plain text: trackers read only the status.
 */
@RestController
class OsmAndEndpoint {

    /** JSON bodies larger than this are refused. */
    static final int MAX_BODY = 1024 * 1024;

    private final OsmAndTrackers trackers;
    private final JsonMapper json;

    OsmAndEndpoint(OsmAndTrackers trackers, JsonMapper json) {
        this.trackers = trackers;
        this.json = json;
    }

    @RequestMapping(path = {"/osmand", "/osmand/"}, method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> report(HttpServletRequest request) throws java.io.IOException {
        Instant now = Instant.now();
        List<OsmAndReport> reports;
        try {
            if (request.getContentType() != null && request.getContentType().startsWith(MediaType.APPLICATION_JSON_VALUE)
                    && request.getParameter("id") == null && request.getParameter("deviceid") == null) {
                byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    return text(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than 1 MiB");
                }
                JsonNode tree;
                try {
                    tree = json.readTree(body);
                } catch (JacksonException e) {
                    return text(HttpStatus.BAD_REQUEST, "the body is not JSON");
                }
                reports = OsmAndReports.fromJson(tree, now);
            } else {
                reports = List.of(OsmAndReports.fromParameters(request.getParameterMap(), now));
            }
            return switch (trackers.record(reports, now)) {
                case RECORDED -> text(HttpStatus.OK, "OK");
                case UNKNOWN_TRACKER -> text(HttpStatus.NOT_FOUND, "no asset carries the tracker id");
                case AMBIGUOUS_TRACKER -> text(HttpStatus.CONFLICT, "the tracker id is on assets of several companies");
                case TOO_MANY -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1")
                        .contentType(MediaType.TEXT_PLAIN).body("too many reports\n");
            };
        } catch (OsmAndRequestException e) {
            return text(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
    }
}
