/** The audit trail: diffing and masking changes, appending to the per-company hash chain, verifying it, the page. */
@NullMarked
package dev.holdfast.activity.audit;

import org.jspecify.annotations.NullMarked;
