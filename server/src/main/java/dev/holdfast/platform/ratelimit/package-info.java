/**
 * Rate-limit buckets in PostgreSQL (Bucket4j, select-for-update), shared by every app node, and their cleanup.
 */
@NullMarked
package dev.holdfast.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
