/**
 * Batch upload from collectors: validation, idempotency, compressed storage in day partitions, retention, and the
 * queue of unprocessed batches the tracking module consumes.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest")
package dev.holdfast.ingest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
