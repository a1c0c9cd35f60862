package dev.holdfast.accounts;

import java.util.Locale;
import java.util.Optional;

/** A member's role in a company, strongest first. Each role may do everything the ones after it may. */
public enum Role {
    OWNER, ADMIN, MANAGER, VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
