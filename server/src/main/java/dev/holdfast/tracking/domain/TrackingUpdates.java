package dev.holdfast.tracking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.TrackedAssets;
import dev.holdfast.tracking.TrackingProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Applies what correlated batches and OsmAnd reports tell about one company's assets: stores the pass estimates and
 * handlings, moves each asset's latest position (a disagreeing newer estimate means it moved: a "moved" handling unless
 * a carry already explains it), rebuilds its visits, and tells inventory when the assets were last seen (and, with the
 * company's automatic audit, that they were seen in their own Location). In the caller's transaction, bound to the
 * company.
 */
@Component
public class TrackingUpdates {

    /** A position change is reported as a handling ("moved") only beyond this many metres. */
    static final double MOVED_EVENT_M = 25;
    static final double MOVED_EVENT_ACCURACY = 10;
    /**
     * A carry explains the position changes within this long (ms) of it: other collectors see a carried tag along its
     * way, and its estimates before and after a carry are not another handling.
     */
    static final long EXPLAINS_MS = 5 * 60_000;

    private final TrackingStore store;
    private final Geofences geofences;
    private final TrackedAssets inventory;
    private final TrackingSettings settings;
    private final TrackingProperties properties;

    TrackingUpdates(TrackingStore store, Geofences geofences, TrackedAssets inventory, TrackingSettings settings,
            TrackingProperties properties) {
        this.store = store;
        this.geofences = geofences;
        this.inventory = inventory;
        this.settings = settings;
        this.properties = properties;
    }

    public void apply(UUID tenant, List<Evidence> evidence) {
        store.lockCompany(tenant);
        List<Geofence> fences = geofences.of(tenant);
        List<TrackingStore.SightingRow> sightings = new ArrayList<>();
        List<TrackingStore.HandlingRow> handling = new ArrayList<>();
        Map<UUID, List<PassEstimate>> byAsset = new LinkedHashMap<>();
        Map<UUID, List<Carry>> carries;
        for (Evidence e : evidence) {
            for (PassEstimate p : e.correlation().passes()) {
                Geofence in = Geofence.containing(fences, p.lat(), p.lon());
                sightings.add(new TrackingStore.SightingRow(p, in == null ? null : in.locationId(), e.source(),
                        e.deviceId(), e.batchId()));
                byAsset.computeIfAbsent(p.assetId(), a -> new ArrayList<>()).add(p);
            }
            for (Carry c : e.correlation().carries()) {
                Geofence in = Geofence.containing(fences, c.lat(), c.lon());
                handling.add(new TrackingStore.HandlingRow(c.assetId(), c.startedAt(), c.endedAt(), c.lat(), c.lon(),
                        in == null ? null : in.locationId(), c.movedM(), "carried", e.deviceId(), e.batchId()));
            }
        }
        if (byAsset.isEmpty() && handling.isEmpty()) {
            return;
        }
        store.insertSightings(tenant, sightings);

        Map<UUID, Position> positions = store.positions(tenant, byAsset.keySet());
        store.insertHandling(tenant, handling); // the carries first: with the stored ones they explain moves
        handling.clear();
        long earliest = byAsset.values().stream().flatMap(List::stream).mapToLong(PassEstimate::firstAt).min().orElse(0);
        long latest = byAsset.values().stream().flatMap(List::stream).mapToLong(PassEstimate::seenAt).max().orElse(0);
        for (Position p : positions.values()) {
            earliest = Math.min(earliest, p.seenAt());
        }
        carries = store.carries(tenant, byAsset.keySet(), earliest - EXPLAINS_MS, latest + EXPLAINS_MS);
        Map<UUID, Position> changed = new LinkedHashMap<>();
        Map<UUID, Instant> lastSeen = new HashMap<>();
        Map<UUID, String> sourceByAsset = new HashMap<>();
        for (Evidence e : evidence) {
            for (PassEstimate p : e.correlation().passes()) {
                sourceByAsset.putIfAbsent(p.assetId(), e.source());
            }
        }
        for (Map.Entry<UUID, List<PassEstimate>> entry : byAsset.entrySet()) {
            UUID asset = entry.getKey();
            List<PassEstimate> passes = entry.getValue();
            passes.sort(Comparator.comparingLong(PassEstimate::seenAt));
            Position position = positions.get(asset);
            String source = sourceByAsset.get(asset);
            for (PassEstimate p : passes) {
                if (position == null) {
                    position = Position.of(p, source);
                    continue;
                }
                if (p.seenAt() >= position.seenAt() && movedEvent(position, p)
                        && !explained(carries.get(asset), position.seenAt(), p.seenAt())) {
                    handling.add(moved(asset, position, p, fences));
                }
                position = position.with(p, source);
            }
            changed.put(asset, position);
            lastSeen.merge(asset, Instant.ofEpochMilli(position.seenAt()), (a, b) -> a.isAfter(b) ? a : b);
        }
        store.insertHandling(tenant, handling);

        Map<UUID, UUID> locations = new HashMap<>();
        if (!fences.isEmpty()) {
            long debounce = properties.visitDebounce().toMillis();
            for (Map.Entry<UUID, List<PassEstimate>> entry : byAsset.entrySet()) {
                long from = entry.getValue().stream().mapToLong(PassEstimate::firstAt).min().orElseThrow();
                UUID in = store.rebuildVisits(tenant, entry.getKey(), from, fences, debounce);
                if (in != null) {
                    locations.put(entry.getKey(), in);
                }
            }
        }
        store.savePositions(tenant, changed.values(), locations);
        inventory.markSeen(lastSeen);
        if (!locations.isEmpty() && settings.autoAudit(tenant)) {
            inventory.autoAudit(locations);
        }
    }

    /**
     * Rebuilds everything about the asset that follows from its stored pass estimates and carries — its latest position,
     * its "moved" handlings and its visits — after some of them went (a device's field data erased, retention). An asset
     * left without estimates loses its position.
     */
    public void rebuild(UUID tenant, UUID asset) {
        store.lockCompany(tenant);
        List<Geofence> fences = geofences.of(tenant);
        List<TrackingStore.StoredPass> passes = store.passes(tenant, asset);
        List<Carry> carried = store.carries(tenant, asset);
        store.deleteDerived(tenant, asset);
        if (passes.isEmpty()) {
            return;
        }
        List<TrackingStore.HandlingRow> moved = new ArrayList<>();
        Position position = null;
        for (TrackingStore.StoredPass stored : passes) {
            PassEstimate p = stored.pass();
            String source = stored.source();
            if (position == null) {
                position = Position.of(p, source);
                continue;
            }
            if (p.seenAt() >= position.seenAt() && movedEvent(position, p)
                    && !explained(carried, position.seenAt(), p.seenAt())) {
                moved.add(moved(asset, position, p, fences));
            }
            position = position.with(p, source);
        }
        store.insertHandling(tenant, moved);
        UUID in = fences.isEmpty() ? null
                : store.rebuildVisits(tenant, asset, passes.get(0).pass().firstAt(), fences, properties.visitDebounce().toMillis());
        Map<UUID, UUID> locations = new HashMap<>();
        if (in != null) {
            locations.put(asset, in);
        }
        store.savePositions(tenant, List.of(position), locations);
    }

    /**
     * A move sure enough to report as a handling: the position moves, by at least {@link #MOVED_EVENT_M}, both the old
     * position and the new estimate are good to {@link #MOVED_EVENT_ACCURACY} metres, and the asset was not seen at
     * both places at once (two collectors' estimates that disagree are a measurement, not a move).
     */
    static boolean movedEvent(Position position, PassEstimate p) {
        return position.movedBy(p) && Geo.metres(position.lat(), position.lon(), p.lat(), p.lon()) > MOVED_EVENT_M
                && position.accuracyM() <= MOVED_EVENT_ACCURACY && p.accuracyM() <= MOVED_EVENT_ACCURACY
                && p.firstAt() > position.seenAt();
    }

    /** "Moved": last seen at the old position, then at the new one. */
    private static TrackingStore.HandlingRow moved(UUID asset, Position from, PassEstimate to, List<Geofence> fences) {
        Geofence in = Geofence.containing(fences, to.lat(), to.lon());
        return new TrackingStore.HandlingRow(asset, from.seenAt(), Math.max(from.seenAt(), to.firstAt()), to.lat(),
                to.lon(), in == null ? null : in.locationId(), Geo.metres(from.lat(), from.lon(), to.lat(), to.lon()),
                "moved", null, null);
    }

    /** Whether a carry of the asset overlaps the time between its last position and the new estimate. */
    private static boolean explained(@Nullable List<Carry> carries, long from, long to) {
        if (carries == null) {
            return false;
        }
        for (Carry c : carries) {
            if (c.startedAt() <= to + EXPLAINS_MS && c.endedAt() >= from - EXPLAINS_MS) {
                return true;
            }
        }
        return false;
    }
}
