package dev.holdfast.fleet;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which BLE advertisements a company's collectors keep: tag families ({@code ibeacon}, {@code altbeacon},
 * {@code eddystone}); when not empty, only iBeacons with one of these proximity UUIDs and only Eddystone-UID frames
 * with one of these namespaces; and, whatever they send, advertisers with these addresses ({@code mac:} tags).
 * Everything else (phones, headphones) is dropped on the device. Admins set the families and UUIDs; what devices
 * receive is narrowed to the company's registered tags ({@link TagFilterSource}).
 */
public record BleFilter(List<String> families, List<UUID> ibeaconUuids, List<String> eddystoneNamespaces,
        List<String> macs) {

    public static final Set<String> KNOWN_FAMILIES = Set.of("ibeacon", "altbeacon", "eddystone");

    public static final BleFilter DEFAULT = new BleFilter(List.of("ibeacon", "altbeacon", "eddystone"), List.of());

    public BleFilter {
        families = List.copyOf(families);
        ibeaconUuids = List.copyOf(ibeaconUuids);
        eddystoneNamespaces = List.copyOf(eddystoneNamespaces);
        macs = List.copyOf(macs);
    }

    /** A filter as admins set it: families and iBeacon UUIDs. */
    public BleFilter(List<String> families, List<UUID> ibeaconUuids) {
        this(families, ibeaconUuids, List.of(), List.of());
    }
}
