package dev.holdfast.tracking.domain;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An asset's stay at a Location: epoch ms; {@code leftAt} null while it is still there. */
public record Visit(UUID locationId, long arrivedAt, long lastSeenAt, @Nullable Long leftAt) {
}
