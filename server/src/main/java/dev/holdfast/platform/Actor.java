package dev.holdfast.platform;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting: a signed-in user, an API token's user, a collector device, the system (jobs), or an
 * anonymous caller. {@code label} is for display in histories (an e-mail address or device identifier);
 * it is personal data and never goes into log lines.
 */
public record Actor(Kind kind, @Nullable UUID id, String label) {

    public enum Kind { USER, DEVICE, SYSTEM, ANONYMOUS }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, null, "system");
    public static final Actor ANONYMOUS = new Actor(Kind.ANONYMOUS, null, "anonymous");

    public static Actor user(UUID id, String email) {
        return new Actor(Kind.USER, id, email);
    }

    public static Actor device(UUID id, String identifier) {
        return new Actor(Kind.DEVICE, id, identifier);
    }
}
