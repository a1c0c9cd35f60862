package dev.holdfast.notifications;

import java.util.UUID;

public interface MailOutbox {
    UUID enqueue(OutgoingMail mail);
}
