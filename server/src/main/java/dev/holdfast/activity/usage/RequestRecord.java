package dev.holdfast.activity.usage;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One served request, as queued for the request log. {@code route} is the matched pattern, never the raw path. */
record RequestRecord(Instant at, @Nullable UUID tenantId, @Nullable UUID userId, String method, String route,
        int status, int durationMs, @Nullable String ip, @Nullable String requestId) {
}
