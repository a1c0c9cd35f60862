package dev.holdfast.protocol;

import java.util.List;
import java.util.UUID;

/**
 * One upload of a collector: what it saw since the last one. The JSON form is described in API.md
 * ({@code POST /api/v1/ingest/batches}) and read and written by {@link BatchCodec}. The observation
 * lists are column-backed ({@link GpsFixes}, {@link BleSightings}, {@link MotionWindows}) and valid by
 * construction.
 *
 * @param batchId chosen by the device; a re-sent batch keeps its id
 * @param sentAt  epoch milliseconds when the device sent it, device clock
 */
public record Batch(UUID batchId, long sentAt, GpsFixes gps, BleSightings ble, MotionWindows motion) {

    public Batch {
        if (batchId == null || gps == null || ble == null || motion == null) {
            throw new IllegalArgumentException("a batch needs an id and observation lists (which may be empty)");
        }
        BatchValidator.require(BatchValidator.time(sentAt), "sentAt");
    }

    /** A batch from plain lists of observation records. */
    public static Batch of(UUID batchId, long sentAt, List<GpsFix> gps, List<BleSighting> ble,
            List<MotionWindow> motion) {
        return new Batch(batchId, sentAt, GpsFixes.copyOf(gps), BleSightings.copyOf(ble),
                MotionWindows.copyOf(motion));
    }

    /** GPS fixes, BLE sightings and motion windows together. */
    public int observationCount() {
        return gps.size() + ble.size() + motion.size();
    }
}
