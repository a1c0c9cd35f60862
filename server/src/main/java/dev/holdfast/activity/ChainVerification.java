package dev.holdfast.activity;

import org.jspecify.annotations.Nullable;

public record ChainVerification(boolean intact, long eventsChecked, @Nullable Long firstBrokenSeq) {
}
