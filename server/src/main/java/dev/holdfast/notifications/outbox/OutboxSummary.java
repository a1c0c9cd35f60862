package dev.holdfast.notifications.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One row of the operator's outbox list. */
record OutboxSummary(UUID id, @Nullable UUID tenantId, String kind, String to, String subject, MailStatus status,
        int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
        @Nullable Instant sentAt, @Nullable String lastError) {

    /** Public: the pages call it. */
    public boolean retryable() {
        return status == MailStatus.FAILED;
    }

    @Override
    public String toString() {
        return "OutboxSummary[id=" + id + ", kind=" + kind + ", status=" + status + "]";
    }
}
