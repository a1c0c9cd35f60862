/**
 * Notifications: the e-mail outbox and its delivery over SMTP. Other modules call {@link
 * dev.holdfast.notifications.MailOutbox#enqueue} inside the transaction of the action that causes a mail.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications", allowedDependencies = "platform")
package dev.holdfast.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
