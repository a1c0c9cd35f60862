package dev.holdfast.activity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record AuditEvent(UUID id, long seq, Instant at, String actorKind, @Nullable UUID actorId, String actorLabel,
        String action, String targetType, String targetId, Map<String, Object> changes, @Nullable String ip,
        @Nullable String userAgent, @Nullable String requestId) {
}
