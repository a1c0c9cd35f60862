package dev.holdfast.notifications;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record OutgoingMail(@Nullable UUID tenantId, String kind, String to, String subject, String textBody,
        @Nullable String htmlBody) {

    @Override
    public String toString() {
        return "OutgoingMail[kind=" + kind + ", tenantId=" + tenantId + "]";
    }
}
