package dev.holdfast.notifications;

import java.util.UUID;

/**
 * The transactional e-mail outbox. {@link #enqueue} writes the mail in the caller's transaction
 * (it fails without one): when that transaction rolls back, no mail is ever sent; when it commits, the
 * mail is delivered by a background worker with retries, or waits for the operator when SMTP is not
 * configured.
 */
public interface MailOutbox {

    /**
     * Queues {@code mail} in the current transaction and returns its id in the outbox.
     *
     * @throws IllegalArgumentException when the recipient is not a valid address (the message names no address)
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    UUID enqueue(OutgoingMail mail);
}
