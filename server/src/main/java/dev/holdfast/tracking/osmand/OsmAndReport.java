package dev.holdfast.tracking.osmand;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One position report of an OsmAnd-protocol tracker (Traccar Client and many hardware trackers). Position fields are
 * null when the tracker sent none (a report with only cell towers or Wi-Fi access points).
 *
 * @param accuracyM horizontal accuracy in metres, when the tracker told it
 */
public record OsmAndReport(String trackerId, Instant time, @Nullable Double lat, @Nullable Double lon,
        @Nullable Double accuracyM) {

    public boolean hasPosition() {
        return lat != null && lon != null;
    }
}
