package dev.holdfast.notifications.alerts;

import java.util.List;
import java.util.Set;

import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.AlertThreshold;

/**
 * A company's settings for one alert kind: on/off, threshold, who receives it (members with one of {@code roles}, in-app
 * and by e-mail, plus {@code emails} by e-mail only) and how e-mails go out. In-app notifications are always immediate.
 */
public record KindSettings(AlertKind kind, boolean enabled, int days, int percent, Set<String> roles, List<String> emails,
        Delivery delivery) {

    public static final int DEFAULT_DAYS = 30;
    public static final int DEFAULT_PERCENT = 90;
    public static final Set<String> DEFAULT_ROLES = Set.of("OWNER", "ADMIN");
    public static final List<String> ROLES = List.of("OWNER", "ADMIN", "MANAGER", "VIEWER");

    public KindSettings {
        roles = Set.copyOf(roles);
        emails = List.copyOf(emails);
    }

    public static KindSettings defaults(AlertKind kind) {
        return new KindSettings(kind, true, DEFAULT_DAYS, DEFAULT_PERCENT, DEFAULT_ROLES, List.of(), Delivery.IMMEDIATE);
    }

    public AlertThreshold threshold() {
        return new AlertThreshold(kind, days, percent);
    }

    @Override
    public String toString() {
        return "KindSettings[" + kind + ", enabled=" + enabled + ", days=" + days + ", percent=" + percent + ", roles="
                + roles + ", emails=" + emails.size() + ", delivery=" + delivery + "]";
    }
}
