package dev.holdfast.notifications;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to send. {@code kind} names what it is for ({@code invitation}, {@code password-reset},
 * {@code alert}); it is shown to the operator and may be logged. The address, subject and bodies may hold
 * personal data and one-time links, so {@link #toString()} leaves them out.
 *
 * @param tenantId the company the mail belongs to, or {@code null} for installation mails
 * @param htmlBody an HTML alternative to {@code textBody}, or {@code null} for a plain-text mail
 */
public record OutgoingMail(@Nullable UUID tenantId, String kind, String to, String subject, String textBody,
        @Nullable String htmlBody) {

    public OutgoingMail {
        requireText(kind, "kind");
        if (!kind.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("kind must be 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        requireText(to, "to");
        requireText(subject, "subject");
        requireText(textBody, "textBody");
        if (to.length() > 254 || containsLineBreak(to)) {
            throw new IllegalArgumentException("to must be one address of at most 254 characters");
        }
        if (containsLineBreak(subject)) {
            throw new IllegalArgumentException("subject must be a single line");
        }
    }

    @Override
    public String toString() {
        return "OutgoingMail[tenantId=" + tenantId + ", kind=" + kind + ", html=" + (htmlBody != null) + "]";
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static boolean containsLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
