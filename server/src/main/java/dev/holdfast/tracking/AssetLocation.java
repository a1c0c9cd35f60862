package dev.holdfast.tracking;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An asset's latest position ({@code GET /api/v1/assets/{id}/location}); {@code source} is {@code ble} or {@code osmand}. */
public record AssetLocation(Instant seenAt, double lat, double lon, double accuracyM, @Nullable UUID locationId,
        @Nullable String locationName, String source) {
}
