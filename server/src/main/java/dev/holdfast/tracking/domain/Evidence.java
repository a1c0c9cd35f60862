package dev.holdfast.tracking.domain;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What one source tells about a company's assets: a correlated collector batch (with the internal link to it, never
 * shown) or an OsmAnd report ({@code deviceId} and {@code batchId} null).
 */
public record Evidence(@Nullable UUID deviceId, @Nullable UUID batchId, String source, Correlation correlation) {

    public static final String BLE = "ble";
    public static final String OSMAND = "osmand";
}
