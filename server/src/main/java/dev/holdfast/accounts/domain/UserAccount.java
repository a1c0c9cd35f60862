package dev.holdfast.accounts.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A login. {@code passwordHash} is bcrypt. */
public record UserAccount(UUID id, String email, String name, String passwordHash, boolean operator, boolean disabled,
        @Nullable UUID lastTenantId, Instant passwordChangedAt) {

    @Override
    public String toString() {
        return "UserAccount[" + id + "]";
    }
}
