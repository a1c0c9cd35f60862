package dev.holdfast.activity.usage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.holdfast.activity.UsageLog;
import dev.holdfast.activity.origin.RequestOrigin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Login attempts and sessions, each written at once in its own transaction. A failure to write is logged
 * (without the data) and counted, never passed on: a broken usage log must not stop people signing in.
 */
@Service
class JdbcUsageLog implements UsageLog {

    private static final Logger log = LoggerFactory.getLogger(JdbcUsageLog.class);
    static final int MAX_REASON = 100;

    private final JdbcClient jdbc;
    private final UsageScope scope;
    private final Counter failures;
    private final Clock clock = Clock.systemUTC();

    JdbcUsageLog(JdbcClient jdbc, UsageScope scope, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.failures = Counter.builder("holdfast.usage.write.failures")
                .description("Login and session records that could not be written").register(meters);
    }

    @Override
    public void loginAttempt(@Nullable UUID userId, @Nullable UUID tenantId, boolean success, String reason) {
        RequestOrigin origin = RequestOrigin.current();
        guarded("login attempt", () -> scope.write(tenantId, () -> jdbc.sql("""
                INSERT INTO usage_logins (at, tenant_id, user_id, success, reason, ip, user_agent)
                VALUES (:at, :tenant, :user, :success, :reason, :ip, :userAgent)""")
                .param("at", now())
                .param("tenant", tenantId, java.sql.Types.OTHER)
                .param("user", userId, java.sql.Types.OTHER)
                .param("success", success)
                .param("reason", clip(reason))
                .param("ip", origin.ip(), java.sql.Types.VARCHAR)
                .param("userAgent", origin.userAgent(), java.sql.Types.VARCHAR)
                .update()));
    }

    @Override
    public void sessionStarted(String sessionKey, UUID userId, @Nullable UUID tenantId) {
        RequestOrigin origin = RequestOrigin.current();
        guarded("session start", () -> scope.write(tenantId, () -> jdbc.sql("""
                INSERT INTO usage_sessions (at, tenant_id, user_id, session_key, ip, user_agent)
                VALUES (:at, :tenant, :user, :key, :ip, :userAgent)""")
                .param("at", now())
                .param("tenant", tenantId, java.sql.Types.OTHER)
                .param("user", userId)
                .param("key", SessionKeys.stored(sessionKey))
                .param("ip", origin.ip(), java.sql.Types.VARCHAR)
                .param("userAgent", origin.userAgent(), java.sql.Types.VARCHAR)
                .update()));
    }

    /**
     * Finds the open session installation-wide (its company is not known to the caller — the session may
     * expire in a background job), then closes it in its company's scope.
     */
    @Override
    public void sessionEnded(String sessionKey, String reason) {
        String key = SessionKeys.stored(sessionKey);
        guarded("session end", () -> {
            var open = scope.readInstallationWide(() -> jdbc.sql("""
                    SELECT tenant_id FROM usage_sessions WHERE session_key = :key AND ended_at IS NULL""")
                    .param("key", key)
                    .query((rs, n) -> new OpenSession(rs.getObject("tenant_id", UUID.class)))
                    .list());
            for (OpenSession session : open) {
                scope.write(session.tenant(), () -> jdbc.sql("""
                        UPDATE usage_sessions
                        SET ended_at = CAST(:now AS timestamptz), end_reason = :reason,
                            duration_ms = greatest(0, (extract(epoch FROM (CAST(:now AS timestamptz) - at)) * 1000)::bigint)
                        WHERE session_key = :key AND ended_at IS NULL
                          AND tenant_id IS NOT DISTINCT FROM :tenant""")
                        .param("now", now())
                        .param("reason", clip(reason))
                        .param("key", key)
                        .param("tenant", session.tenant(), java.sql.Types.OTHER)
                        .update());
            }
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private void guarded(String what, Runnable write) {
        try {
            write.run();
        } catch (DataAccessException e) {
            failures.increment();
            // the message may quote row values (addresses); the type is enough to investigate
            log.warn("Could not record a {} in the usage log: {}", what, e.getClass().getSimpleName());
        }
    }

    private static String clip(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private record OpenSession(@Nullable UUID tenant) {
    }
}
