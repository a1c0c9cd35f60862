package dev.holdfast.notifications.web;

import dev.holdfast.notifications.alerts.Notifications;

import org.springframework.stereotype.Component;

/** The navbar bell's unread count, read by the layout template as {@code @notificationBell.unread()}. */
@Component("notificationBell")
public class NotificationBell {

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
    }

    public long unread() {
        return notifications.unreadCount();
    }
}
