package dev.holdfast.notifications.outbox;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A mail a worker has claimed for one attempt; {@code attempts} already counts this attempt. */
record ClaimedMail(UUID id, String kind, String to, String subject, String textBody, @Nullable String htmlBody,
        int attempts) {

    @Override
    public String toString() {
        return "ClaimedMail[id=" + id + ", kind=" + kind + ", attempts=" + attempts + "]";
    }
}
