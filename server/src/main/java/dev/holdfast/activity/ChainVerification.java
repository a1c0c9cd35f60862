package dev.holdfast.activity;

import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing a company's audit chain: intact, or the first sequence number at which it
 * is broken (an edited event, a missing one, or one out of place).
 */
public record ChainVerification(boolean intact, long eventsChecked, @Nullable Long firstBrokenSeq) {
}
