package dev.holdfast.fleet;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which BLE advertisements a company's collectors keep: tag families ({@code ibeacon}, {@code altbeacon},
 * {@code eddystone}) and, when not empty, only iBeacons with one of these proximity UUIDs. Everything else
 * (phones, headphones) is dropped on the device.
 */
public record BleFilter(List<String> families, List<UUID> ibeaconUuids) {

    public static final Set<String> KNOWN_FAMILIES = Set.of("ibeacon", "altbeacon", "eddystone");

    public static final BleFilter DEFAULT = new BleFilter(List.of("ibeacon", "altbeacon", "eddystone"), List.of());

    public BleFilter {
        families = List.copyOf(families);
        ibeaconUuids = List.copyOf(ibeaconUuids);
    }
}
