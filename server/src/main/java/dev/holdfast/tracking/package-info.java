/**
 * Tracking: where and when every asset was seen and handled. The tag registry (canonical tag ids on assets), the
 * correlation of uploaded batches (sightings → per-pass position estimates, the latest position per asset, visits of
 * Locations' geofences, handling events), the asset location queries, OsmAnd-protocol trackers, and the tracking
 * alerts. Nothing here returns where a collector device was: every derived row is about an asset, and the internal link
 * to its source batch is never shown.
 */
@NullMarked
@ApplicationModule(displayName = "Tracking",
        allowedDependencies = {"platform", "protocol", "ingest", "inventory", "fleet", "notifications", "activity"})
package dev.holdfast.tracking;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
