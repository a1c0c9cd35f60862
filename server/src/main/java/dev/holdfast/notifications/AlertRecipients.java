package dev.holdfast.notifications;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may receive a company's alerts; implemented by the accounts module (notifications depends only on platform).
 * Called inside a transaction; {@link #members} inside one bound to {@code tenantId}.
 */
public interface AlertRecipients {

    /** A member who receives alerts in-app and by e-mail. */
    record Recipient(UUID userId, String email, String displayName) {

        @Override
        public String toString() {
            return "Recipient[" + userId + "]";
        }
    }

    /** The companies whose alerts are evaluated (active ones). */
    List<UUID> activeCompanies();

    /** The company's name for e-mails ("your company" when unknown). */
    String companyName(UUID tenantId);

    /** {@code path} (app-relative, e.g. {@code /assets/<id>}) as an absolute link for e-mails: the public base URL. */
    String absoluteLink(String path);

    /** The company's enabled members whose role is one of {@code roles} (role names such as {@code "ADMIN"}). */
    List<Recipient> members(UUID tenantId, Set<String> roles);
}
