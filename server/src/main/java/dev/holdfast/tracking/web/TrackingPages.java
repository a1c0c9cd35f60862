package dev.holdfast.tracking.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.InventoryLookup;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TimeCursor;
import dev.holdfast.tracking.CorrelationBacklog;
import dev.holdfast.tracking.TrackingProperties;
import dev.holdfast.tracking.domain.MapQueries;
import dev.holdfast.tracking.domain.TrackingQueries;
import dev.holdfast.tracking.domain.TrackingQueries.PositionFilter;
import dev.holdfast.tracking.domain.TrackingSettings;
import dev.holdfast.tracking.domain.WhereaboutsQueries;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The tracking pages: the map of every positioned asset ({@code /map}), the "not seen" list, a Location's presence,
 * the Whereabouts card of the asset page (an htmx fragment) and the correlation status on the devices and operator
 * pages. No page shows where a collector device was.
 */
@Controller
class TrackingPages {

    private final TrackingQueries queries;
    private final MapQueries map;
    private final WhereaboutsQueries whereabouts;
    private final InventoryLookup inventory;
    private final TrackingSettings settings;
    private final CorrelationBacklog backlog;
    private final TrackingProperties properties;

    TrackingPages(TrackingQueries queries, MapQueries map, WhereaboutsQueries whereabouts, InventoryLookup inventory,
            TrackingSettings settings, CorrelationBacklog backlog, TrackingProperties properties) {
        this.queries = queries;
        this.map = map;
        this.whereabouts = whereabouts;
        this.inventory = inventory;
        this.settings = settings;
        this.backlog = backlog;
        this.properties = properties;
    }

    @GetMapping("/map")
    String map(@RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String seenSince,
            @RequestParam(required = false) @Nullable String notSeenSince, Model model) {
        TenantContext.require();
        model.addAttribute("categories", whereabouts.options("categories"));
        model.addAttribute("statuses", whereabouts.options("status_labels"));
        model.addAttribute("locations", whereabouts.options("locations"));
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("location", location);
        model.addAttribute("seenSince", seenSince);
        model.addAttribute("notSeenSince", notSeenSince);
        model.addAttribute("tileUrl", properties.mapTileUrl());
        return "tracking/map";
    }

    /** What the map draws for its view: markers, or clusters when many. */
    @GetMapping("/map/view.json")
    @ResponseBody
    MapQueries.View view(@RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String seenSince,
            @RequestParam(required = false) @Nullable String notSeenSince,
            @RequestParam(required = false) @Nullable String bbox, @RequestParam(defaultValue = "2") int zoom) {
        PositionFilter filter = new PositionFilter(category, status, location, day("seenSince", seenSince),
                day("notSeenSince", notSeenSince), TrackingApi.bbox(bbox));
        return map.view(filter, zoom);
    }

    /** The company's Locations with a geofence, drawn as circles. */
    @GetMapping("/map/geofences.json")
    @ResponseBody
    List<Map<String, Object>> geofences() {
        return queries.geofences().stream().map(g -> Map.<String, Object>of("id", g.locationId(), "name", g.name(),
                "lat", g.lat(), "lon", g.lon(), "radiusM", g.radiusM())).toList();
    }

    @GetMapping("/map/not-seen")
    String notSeen(@RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String after, Model model) {
        UUID tenant = TenantContext.require();
        Integer configured = settings.of(tenant).notSeenAlertDays();
        int d = days != null ? Math.max(1, Math.min(3650, days)) : configured != null ? configured : 7;
        TimeCursor cursor = TimeCursor.parse(after);
        List<WhereaboutsQueries.Unseen> rows = whereabouts.notSeen(Instant.now().minus(Duration.ofDays(d)),
                cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(), 51);
        boolean more = rows.size() > 50;
        List<WhereaboutsQueries.Unseen> shown = more ? rows.subList(0, 50) : rows;
        WhereaboutsQueries.Unseen last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        model.addAttribute("rows", shown);
        model.addAttribute("days", d);
        model.addAttribute("next", more && last != null
                ? new TimeCursor(last.lastSeen() == null ? Instant.EPOCH : last.lastSeen(), last.id()).token() : null);
        return "tracking/not-seen";
    }

    @GetMapping("/map/locations/{id}")
    String location(@PathVariable UUID id, Model model) {
        String name = whereabouts.locationName(id);
        if (name == null) {
            throw ProblemException.notFound("Location");
        }
        model.addAttribute("locationId", id);
        model.addAttribute("locationName", name);
        model.addAttribute("present", queries.present(id, 500));
        model.addAttribute("absent", queries.absent(id, 500));
        model.addAttribute("tileUrl", properties.mapTileUrl());
        return "tracking/location";
    }

    /** The asset page's Whereabouts card (loaded by htmx). */
    @GetMapping("/assets/{id}/whereabouts")
    String card(@PathVariable UUID id, Model model) {
        if (!inventory.assetExists(id)) {
            throw ProblemException.notFound("Asset");
        }
        model.addAttribute("assetId", id);
        model.addAttribute("hasTags", whereabouts.hasTags(id));
        model.addAttribute("position", queries.location(id).orElse(null));
        model.addAttribute("home", whereabouts.home(id));
        model.addAttribute("timeline", whereabouts.timeline(id, 20));
        List<TrackingQueries.DayCount> days = queries.perDay(id, 14);
        model.addAttribute("days", days);
        model.addAttribute("maxDay", days.stream().mapToLong(TrackingQueries.DayCount::passes).max().orElse(1));
        model.addAttribute("tileUrl", properties.mapTileUrl());
        return "tracking/whereabouts :: card";
    }

    /** How far behind the correlation is, for the devices page (Admins) and the operator's health page. */
    @GetMapping({"/devices/correlation-status", "/operator/correlation-status"})
    String status(Model model) {
        model.addAttribute("status", backlog.status());
        return "tracking/correlation-status :: status";
    }

    private static @Nullable Instant day(String field, @Nullable String value) {
        try {
            return TrackingApi.instant(field, value);
        } catch (ProblemException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, field + " must be a date");
        }
    }
}
