package dev.holdfast.fleet.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.platform.TimeCursor;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.fleet.FleetProperties;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment codes of the current company: created by an admin (shown once, stored as a hash), listed, revoked,
 * and used up by enrolling devices — each use counted atomically, so racing devices can never take more uses
 * than the code has.
 */
@Service
public class EnrollmentCodes {

    public enum Status { ACTIVE, EXPIRED, USED_UP, REVOKED }

    public record Created(UUID id, String code, Instant expiresAt, int maxUses) {
        @Override
        public String toString() {
            return "Created[" + id + "]";
        }
    }

    public record Listed(UUID id, Instant createdAt, Instant expiresAt, int maxUses, int uses,
            @Nullable Instant revokedAt, Status status) {
    }

    /** A code found by its hash: its company and id. */
    record Found(UUID tenantId, UUID codeId) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FleetProperties properties;

    EnrollmentCodes(JdbcClient jdbc, AuditTrail audit, FleetProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    @Transactional
    public Created create(@Nullable Integer ttlMinutes, @Nullable Integer maxUses, @Nullable UUID createdBy) {
        UUID tenant = TenantContext.require();
        int ttl = ttlMinutes == null ? properties.codeDefaultTtlMinutes() : ttlMinutes;
        if (ttl < 1 || ttl > properties.codeMaxTtlMinutes()) {
            throw ProblemException.invalid("ttlMinutes", "must be between 1 and " + properties.codeMaxTtlMinutes());
        }
        int uses = maxUses == null ? 1 : maxUses;
        if (uses < 1 || uses > properties.codeMaxUses()) {
            throw ProblemException.invalid("maxUses", "must be between 1 and " + properties.codeMaxUses());
        }
        UUID id = UUID.randomUUID();
        String code = EnrollmentCodeFormat.generate();
        String hash = EnrollmentCodeFormat.hash(EnrollmentCodeFormat.normalize(code).orElseThrow());
        Instant expires = jdbc.sql("""
                insert into enrollment_codes (tenant_id, id, created_by, expires_at, max_uses)
                values (?, ?, ?, now() + make_interval(mins => ?), ?) returning expires_at
                """).params(tenant, id, createdBy, ttl, uses).query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        jdbc.sql("insert into enrollment_code_lookup (code_hash, tenant_id, code_id) values (?, ?, ?)")
                .params(hash, tenant, id).update();
        audit.record("enrollment_code.created", "enrollment_code", id.toString(), null,
                Map.of("expiresAt", expires.toString(), "maxUses", uses));
        return new Created(id, code, expires, uses);
    }

    /** Newest first; {@code activeOnly} leaves out expired, used-up and revoked codes. */
    @Transactional(readOnly = true)
    public List<Listed> list(boolean activeOnly, @Nullable TimeCursor after, int size) {
        String sql = """
                select id, created_at, expires_at, max_uses, uses, revoked_at, expires_at <= now() as expired
                from enrollment_codes where tenant_id = :tenant
                """ + (activeOnly ? " and revoked_at is null and expires_at > now() and uses < max_uses" : "")
                + (after == null ? "" : " and (created_at, id) < (:afterAt, :afterId)")
                + " order by created_at desc, id desc limit :size";
        var query = jdbc.sql(sql).param("tenant", TenantContext.require()).param("size", size);
        if (after != null) {
            query = query.param("afterAt", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return query.query(EnrollmentCodes::listed).list();
    }

    @Transactional
    public void revoke(UUID id) {
        int n = jdbc.sql("update enrollment_codes set revoked_at = coalesce(revoked_at, now()) where tenant_id = ? and id = ?")
                .params(TenantContext.require(), id).update();
        if (n == 0) {
            throw ProblemException.notFound("Enrollment code");
        }
        audit.record("enrollment_code.revoked", "enrollment_code", id.toString(), null, null);
    }

    /** Which company a presented code belongs to; no company is bound yet (the lookup table is installation-wide). */
    Optional<Found> find(String typed) {
        return EnrollmentCodeFormat.normalize(typed).flatMap(code -> jdbc.sql(
                "select tenant_id, code_id from enrollment_code_lookup where code_hash = ?")
                .param(EnrollmentCodeFormat.hash(code))
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional());
    }

    /**
     * Takes one use of the code, in the current (tenant) transaction: false when it is expired, revoked or used up.
     * The conditional update locks the row, so of two devices racing for the last use exactly one wins.
     */
    boolean takeUse(UUID codeId) {
        return jdbc.sql("""
                update enrollment_codes set uses = uses + 1
                where tenant_id = ? and id = ? and revoked_at is null and expires_at > now() and uses < max_uses
                """).params(TenantContext.require(), codeId).update() == 1;
    }

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        int maxUses = rs.getInt("max_uses");
        int uses = rs.getInt("uses");
        Status status = revoked != null ? Status.REVOKED
                : rs.getBoolean("expired") ? Status.EXPIRED
                : uses >= maxUses ? Status.USED_UP : Status.ACTIVE;
        return new Listed(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), maxUses, uses, revoked == null ? null : revoked.toInstant(),
                status);
    }
}
