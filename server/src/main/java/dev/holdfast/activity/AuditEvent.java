package dev.holdfast.activity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One audit event. {@code changes} maps each changed field to {@code {before, after}} (sensitive values
 * masked as {@code "***"}). {@code seq} numbers a company's events 1, 2, 3, … without gaps.
 */
public record AuditEvent(UUID id, long seq, Instant at, String actorKind, @Nullable UUID actorId, String actorLabel,
        String action, String targetType, String targetId, Map<String, Object> changes, @Nullable String ip,
        @Nullable String userAgent, @Nullable String requestId) {
}
