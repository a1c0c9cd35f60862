package dev.holdfast.procurement.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One assigned seat of a licence: held by a person or by an asset. */
public record SeatView(UUID id, UUID licenseId, @Nullable UUID personId, @Nullable String personName,
        @Nullable UUID assetId, @Nullable String assetName, Instant assignedAt) {
}
