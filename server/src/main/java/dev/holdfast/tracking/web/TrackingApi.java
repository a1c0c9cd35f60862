package dev.holdfast.tracking.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.InventoryLookup;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TimeCursor;
import dev.holdfast.tracking.AssetLocation;
import dev.holdfast.tracking.domain.TrackingQueries;
import dev.holdfast.tracking.domain.TrackingQueries.Page;
import dev.holdfast.tracking.domain.TrackingQueries.PositionFilter;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where and when the company's assets were seen and handled ({@code API.md}, "Tags and tracking"). Every answer is
 * about an asset; another company's asset or Location is 404, as a missing one.
 */
@RestController
class TrackingApi {

    private final TrackingQueries queries;
    private final InventoryLookup inventory;

    TrackingApi(TrackingQueries queries, InventoryLookup inventory) {
        this.queries = queries;
        this.inventory = inventory;
    }

    @GetMapping("/api/v1/assets/{id}/location")
    AssetLocation location(@PathVariable UUID id) {
        return queries.whereIs(id).orElseThrow(() -> ProblemException.notFound("Asset"))
                .orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND,
                        "This asset has not been seen yet"));
    }

    /** A time range and a page of an asset's list ({@code ?from=&to=&size=&after=}), checked (422 naming the field). */
    record Range(@Nullable Instant from, @Nullable Instant to, @Nullable TimeCursor after, int size) {

        static Range of(@Nullable String from, @Nullable String to, @Nullable Integer size, @Nullable String after) {
            return new Range(instant("from", from), instant("to", to), TimeCursor.parse(after), TimeCursor.size(size));
        }
    }

    @GetMapping("/api/v1/assets/{id}/sightings")
    Page<TrackingQueries.SightingItem> sightings(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String after) {
        Range r = Range.of(from, to, size, after);
        requireAsset(id);
        return queries.sightings(id, r.from(), r.to(), r.after(), r.size());
    }

    @GetMapping("/api/v1/assets/{id}/visits")
    Page<TrackingQueries.VisitItem> visits(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String after) {
        Range r = Range.of(from, to, size, after);
        requireAsset(id);
        return queries.visits(id, r.from(), r.to(), r.after(), r.size());
    }

    @GetMapping("/api/v1/assets/{id}/handling")
    Page<TrackingQueries.HandlingItem> handling(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String after) {
        Range r = Range.of(from, to, size, after);
        requireAsset(id);
        return queries.handling(id, r.from(), r.to(), r.after(), r.size());
    }

    @GetMapping("/api/v1/tracking/positions")
    Page<TrackingQueries.PositionItem> positions(@RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String seenSince,
            @RequestParam(required = false) @Nullable String notSeenSince,
            @RequestParam(required = false) @Nullable String bbox,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String after) {
        PositionFilter filter = new PositionFilter(category, status, location, instant("seenSince", seenSince),
                instant("notSeenSince", notSeenSince), bbox(bbox));
        return queries.positions(filter, TimeCursor.parse(after), TimeCursor.size(size));
    }

    @GetMapping("/api/v1/locations/{id}/present")
    Map<String, Object> present(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer size) {
        requireLocation(id);
        return Map.of("items", queries.present(id, TimeCursor.size(size)));
    }

    /** The assets that belong to the Location but are not seen in it now. */
    @GetMapping("/api/v1/locations/{id}/absent")
    Map<String, Object> absent(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer size) {
        requireLocation(id);
        return Map.of("items", queries.absent(id, TimeCursor.size(size)));
    }

    private void requireAsset(UUID id) {
        if (!inventory.assetExists(id)) {
            throw ProblemException.notFound("Asset");
        }
    }

    private void requireLocation(UUID id) {
        if (!queries.locationExists(id)) {
            throw ProblemException.notFound("Location");
        }
    }

    static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.invalid(field, "must be an ISO-8601 instant (2026-11-23T10:15:30Z) or a date");
            }
        }
    }

    static double @Nullable [] bbox(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw ProblemException.invalid("bbox", "must be minLon,minLat,maxLon,maxLat");
        }
        double[] box = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("bbox", "must be four numbers: minLon,minLat,maxLon,maxLat");
        }
        if (!(box[0] >= -180 && box[2] <= 180 && box[1] >= -90 && box[3] <= 90 && box[0] <= box[2] && box[1] <= box[3])) {
            throw ProblemException.invalid("bbox", "must be minLon,minLat,maxLon,maxLat within the world, min before max");
        }
        return box;
    }

}
