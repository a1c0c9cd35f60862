package dev.holdfast.tracking.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Visits from an asset's position estimates in time order. A visit starts with an estimate inside a Location's
 * geofence; it goes on while estimates stay inside — with a margin of the estimate's uncertainty (at least 5, at most 25
 * metres), so an asset near the boundary does not flap in and out — and ends when the asset is estimated elsewhere, or
 * when it has not been seen there for the debounce period (then it left when it was last seen there). A visit that
 * ended after one estimate not inside by its whole uncertainty is dropped: one outlier near a boundary is no stay. Pure.
 */
public final class VisitBuilder {

    /** One position estimate: epoch ms of its first and last sighting, and where. */
    public record Fix(long firstAt, long seenAt, double lat, double lon, double accuracyM) {
    }

    private final List<Geofence> fences;
    private final long debounceMs;
    private final List<Visit> visits = new ArrayList<>();
    private @Nullable Geofence current;
    private long arrived;
    private long lastInside;
    /** Whether the current visit is more than one uncertain estimate (an outlier near the boundary is not a visit). */
    private boolean confirmed;

    public VisitBuilder(List<Geofence> fences, long debounceMs) {
        this.fences = List.copyOf(fences);
        this.debounceMs = debounceMs;
    }

    /**
     * Continues a stored visit instead of replaying its estimates: the asset arrived at {@code fence} at
     * {@code arrivedAt} and was last estimated inside at {@code lastInside}.
     */
    public void resume(Geofence fence, long arrivedAt, long lastInside) {
        this.current = fence;
        this.arrived = arrivedAt;
        this.lastInside = lastInside;
        this.confirmed = true;
    }

    /** Adds the next estimate (not earlier than the one before). */
    public void add(Fix fix) {
        if (current != null) {
            double margin = Math.min(25, Math.max(5, fix.accuracyM()));
            boolean inside = current.distance(fix.lat(), fix.lon()) <= current.radiusM() + margin;
            if (inside && fix.firstAt() - lastInside <= debounceMs) {
                lastInside = Math.max(lastInside, fix.seenAt());
                confirmed = true;
                return;
            }
            if (confirmed) {
                visits.add(new Visit(current.locationId(), arrived, lastInside, lastInside));
            }
            current = null;
        }
        Geofence in = Geofence.containing(fences, fix.lat(), fix.lon());
        if (in != null) {
            current = in;
            arrived = fix.firstAt();
            lastInside = fix.seenAt();
            confirmed = in.distance(fix.lat(), fix.lon()) + fix.accuracyM() <= in.radiusM();
        }
    }

    /**
     * The visits so far; the last one is open (no {@code leftAt}) if the asset was last estimated inside. A visit of a
     * single estimate counts only when the estimate is inside by its whole uncertainty (else it may be an outlier); the
     * last one counts while it is the latest news.
     */
    public List<Visit> visits() {
        List<Visit> all = new ArrayList<>(visits);
        if (current != null) {
            all.add(new Visit(current.locationId(), arrived, lastInside, null));
        }
        return all;
    }

    /** The Location the asset is in after the last estimate, or null. */
    public @Nullable UUID currentLocation() {
        return current == null ? null : current.locationId();
    }
}
