package dev.holdfast.accounts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: named, expiring, shown once, stored as SHA-256, listed and revocable. */
@Service
public class ApiTokens {

    public static final String PREFIX = "hf_";
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    public record Created(UUID id, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Created[" + id + "]";
        }
    }

    public record Listed(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            boolean revoked) {
    }

    /** Who a presented token stands for. */
    public record Holder(UUID tokenId, UUID userId, UUID tenantId) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Creates a token for the user in the current company. */
    @Transactional
    public Created create(UUID userId, String name, Instant expiresAt) {
        UUID tenant = TenantContext.require();
        String label = name == null || name.isBlank() ? "API token" : name.trim();
        if (label.length() > 100) {
            throw ProblemException.invalid("name", "must be at most 100 characters");
        }
        if (!expiresAt.isAfter(Instant.now()) || expiresAt.isAfter(Instant.now().plus(MAX_LIFETIME))) {
            throw ProblemException.invalid("expiresAt", "must be in the future and within a year");
        }
        UUID id = UUID.randomUUID();
        String token = SecretTokens.generate(PREFIX);
        jdbc.sql("insert into api_tokens (id, tenant_id, user_id, name, token_hash, expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, tenant, userId, label, SecretTokens.hash(token), java.sql.Timestamp.from(expiresAt)).update();
        audit.record("token.created", "api_token", id.toString(), null, Map.of("name", label,
                "expiresAt", expiresAt.toString()));
        return new Created(id, token, expiresAt);
    }

    @Transactional(readOnly = true)
    public List<Listed> list(UUID userId) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, last_used_at, revoked_at is not null
                from api_tokens where tenant_id = ? and user_id = ? order by created_at desc
                """).params(TenantContext.require(), userId).query((rs, n) -> new Listed(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getBoolean(6))).list();
    }

    @Transactional
    public void revoke(UUID userId, UUID tokenId) {
        int n = jdbc.sql("update api_tokens set revoked_at = now() where id = ? and tenant_id = ? and user_id = ? "
                + "and revoked_at is null").params(tokenId, TenantContext.require(), userId).update();
        if (n == 0) {
            throw ProblemException.notFound("Token");
        }
        audit.record("token.revoked", "api_token", tokenId.toString(), null, null);
    }

    /** The holder of a valid (unexpired, unrevoked) token. */
    @Transactional
    public Optional<Holder> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Holder> holder = jdbc.sql("""
                select id, user_id, tenant_id from api_tokens
                where token_hash = ? and revoked_at is null and expires_at > now()
                """).param(SecretTokens.hash(token)).query((rs, n) -> new Holder(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class))).optional();
        holder.ifPresent(h -> jdbc.sql("update api_tokens set last_used_at = now() where id = ? "
                + "and (last_used_at is null or last_used_at < now() - interval '1 minute')").param(h.tokenId()).update());
        return holder;
    }
}
