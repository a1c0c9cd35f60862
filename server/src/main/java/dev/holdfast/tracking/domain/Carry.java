package dev.holdfast.tracking.domain;

import java.util.UUID;

/**
 * A handling seen at close range: the asset stayed within about 2 m of a moving collector from {@code startedAt} to
 * {@code endedAt} (epoch ms), and was left at ({@code lat}, {@code lon}), {@code movedM} metres from where it was
 * picked up.
 */
public record Carry(UUID assetId, long startedAt, long endedAt, double lat, double lon, double movedM) {
}
