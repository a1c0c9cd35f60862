package dev.holdfast.notifications.outbox;

/** One mail as the operator reads it: the plain-text body only (never the HTML rendered in our pages). */
record OutboxMailView(OutboxSummary mail, String textBody, boolean hasHtml) {

    @Override
    public String toString() {
        return "OutboxMailView[" + mail + "]";
    }
}
