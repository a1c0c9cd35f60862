package dev.holdfast.activity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Usage logs of logins and sessions, written at once in their own transaction (a failed login that rolls
 * back its own work is still recorded). Requests are logged by the module itself. Kept for
 * {@code holdfast.usage.retention} (90 days by default).
 */
public interface UsageLog {

    /** A login attempt; IP and user agent are taken from the current request. {@code reason}: a short code. */
    void loginAttempt(@Nullable UUID userId, @Nullable UUID tenantId, boolean success, String reason);

    /** A session began. {@code sessionKey}: a hash of the session id, never the id itself. */
    void sessionStarted(String sessionKey, UUID userId, @Nullable UUID tenantId);

    /** The session with that key ended (logout, expiry, …); its duration is computed from its start. */
    void sessionEnded(String sessionKey, String reason);
}
