package dev.holdfast.fleet;

import java.util.List;
import java.util.UUID;

/**
 * An admin erased all field data of a device: every module holding field data (batches, sightings) deletes the
 * rows of this device, recorded under any of {@code identifiers} (all it has ever had, the current one included).
 * Published inside the erasing transaction.
 */
public record DeviceFieldDataErased(UUID tenantId, UUID deviceId, List<String> identifiers) {

    public DeviceFieldDataErased {
        identifiers = List.copyOf(identifiers);
    }
}
