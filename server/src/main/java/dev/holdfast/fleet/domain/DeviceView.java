package dev.holdfast.fleet.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A device as its company's admins see it: no location, no health telemetry. */
public record DeviceView(UUID id, String identifier, @Nullable String model, @Nullable String appVersion,
        Instant enrolledAt, @Nullable Instant lastUploadAt, String status, @Nullable Instant revokedAt) {

    public boolean active() {
        return "active".equals(status);
    }
}
