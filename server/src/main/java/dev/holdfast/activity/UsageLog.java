package dev.holdfast.activity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

public interface UsageLog {
    void loginAttempt(@Nullable UUID userId, @Nullable UUID tenantId, boolean success, String reason);

    void sessionStarted(String sessionKey, UUID userId, @Nullable UUID tenantId);

    void sessionEnded(String sessionKey, String reason);
}
