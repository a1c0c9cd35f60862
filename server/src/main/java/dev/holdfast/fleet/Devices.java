package dev.holdfast.fleet;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other modules (ingest, tracking) ask of the fleet. */
public interface Devices {

    /**
     * Records that the device uploaded field data at {@code at} (the latest upload wins; an older time does not
     * move it back). Joins the caller's transaction when there is one, else runs its own for {@code tenantId}.
     */
    void markUpload(UUID tenantId, UUID deviceId, Instant at);

    /**
     * {@link #markUpload} for many devices of one company in one statement (the ingest writer's group commit):
     * {@code uploads} maps device id to upload time. Joins the caller's transaction when there is one.
     */
    default void markUploads(UUID tenantId, Map<UUID, Instant> uploads) {
        uploads.forEach((deviceId, at) -> markUpload(tenantId, deviceId, at));
    }

    /**
     * The identifier the device had at {@code at} — field data recorded then is attributed to it, so data recorded
     * before a rotation keeps the old identifier even when uploaded later. Empty for an unknown device.
     */
    Optional<String> identifierAt(UUID tenantId, UUID deviceId, Instant at);

    /** The company's BLE filter (its settings, or {@link BleFilter#DEFAULT}). */
    BleFilter bleFilter(UUID tenantId);
}
