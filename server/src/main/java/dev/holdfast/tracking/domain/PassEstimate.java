package dev.holdfast.tracking.domain;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The position of an asset estimated from one pass — consecutive sightings of it by one collector — with its
 * uncertainty (metres, about one standard deviation).
 *
 * @param firstAt   the first sighting of the pass (epoch ms)
 * @param seenAt    the last sighting of the pass (epoch ms)
 * @param rssi      the strongest signal of the pass (null for OsmAnd reports)
 * @param distanceM the closest distance of the pass (null for OsmAnd reports)
 * @param count     sightings it summarises
 */
public record PassEstimate(UUID assetId, long firstAt, long seenAt, double lat, double lon, double accuracyM,
        @Nullable Integer rssi, @Nullable Double distanceM, int count) {
}
