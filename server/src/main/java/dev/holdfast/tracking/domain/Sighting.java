package dev.holdfast.tracking.domain;

import java.util.UUID;

/**
 * One BLE sighting of a registered tag, placed: the collector's interpolated position then (never stored or shown as
 * such: it only feeds the asset's estimate), its accuracy, the signal and the distance it implies.
 *
 * @param t         server time, epoch ms
 * @param distanceM from the RSSI and the advertised power at 1 m (log-distance model)
 * @param moving    whether the collector was moving then
 */
public record Sighting(UUID assetId, long t, double lat, double lon, double acc, int rssi, double distanceM,
        boolean moving) {
}
