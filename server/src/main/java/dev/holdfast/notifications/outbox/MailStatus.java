package dev.holdfast.notifications.outbox;

/** Where a mail is in its life: waiting, being sent by a worker, delivered, or given up on. */
enum MailStatus {
    PENDING, SENDING, SENT, FAILED
}
