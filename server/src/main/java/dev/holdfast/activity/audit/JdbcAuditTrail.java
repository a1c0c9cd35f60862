package dev.holdfast.activity.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.activity.ChainVerification;
import dev.holdfast.activity.origin.RequestOrigin;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail on PostgreSQL. An append locks the company's chain head row, so appends of one company
 * are serialized (and appends of different companies are not); the event's hash is computed by the
 * database function {@code audit_event_hash} — SHA-256 over the previous hash and a canonical JSON array
 * of the event's content — which {@link #verify()} recomputes for every event.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    static final int MAX_PAGE = 500;
    private static final byte[] GENESIS = new byte[32];
    private static final TypeReference<Map<String, Object>> CHANGES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, seq, at, actor_kind, actor_id, actor_label, action, target_type, "
            + "target_id, changes::text AS changes, ip, user_agent, request_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Override
    @Transactional
    public void record(String action, String targetType, String targetId, @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        UUID tenant = TenantContext.require();
        Actor actor = CurrentActor.get();
        RequestOrigin origin = RequestOrigin.current();
        String changes = json.writeValueAsString(ChangeDiff.between(before, after));

        // creates the head on the first event, locks it otherwise: the next append of this company waits here
        Head head = jdbc.sql("""
                INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (:tenant, 0, :genesis)
                ON CONFLICT (tenant_id) DO UPDATE SET seq = audit_chain_heads.seq
                RETURNING seq, hash""")
                .param("tenant", tenant).param("genesis", GENESIS)
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash"))).single();

        int appended = jdbc.sql("""
                WITH event AS (
                    INSERT INTO audit_events (tenant_id, seq, id, at, actor_kind, actor_id, actor_label, action,
                                              target_type, target_id, changes, ip, user_agent, request_id,
                                              prev_hash, hash)
                    VALUES (:tenant, :seq, :id, :at, :actorKind, :actorId, :actorLabel, :action,
                            :targetType, :targetId, CAST(:changes AS jsonb), :ip, :userAgent, :requestId,
                            :prev, audit_event_hash(:prev, :tenant, :seq, :id, :at, :actorKind, :actorId, :actorLabel,
                                                    :action, :targetType, :targetId, CAST(:changes AS jsonb),
                                                    :ip, :userAgent, :requestId))
                    RETURNING tenant_id, seq, hash)
                UPDATE audit_chain_heads h SET seq = event.seq, hash = event.hash
                FROM event WHERE h.tenant_id = event.tenant_id""")
                .param("tenant", tenant)
                .param("seq", head.seq() + 1)
                .param("id", UUID.randomUUID())
                .param("at", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).withOffsetSameInstant(ZoneOffset.UTC))
                .param("actorKind", actor.kind().name())
                .param("actorId", actor.id(), java.sql.Types.OTHER)
                .param("actorLabel", actor.label())
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("changes", changes)
                .param("ip", origin.ip(), java.sql.Types.VARCHAR)
                .param("userAgent", origin.userAgent(), java.sql.Types.VARCHAR)
                .param("requestId", origin.requestId(), java.sql.Types.VARCHAR)
                .param("prev", head.hash())
                .update();
        if (appended != 1) {
            throw new IllegalStateException("audit chain head of the current company was not advanced");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEvent> list(@Nullable String targetType, @Nullable String targetId, @Nullable Long beforeSeq,
            int limit) {
        UUID tenant = TenantContext.require();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE tenant_id = :tenant");
        if (targetType != null) {
            sql.append(" AND target_type = :targetType");
        }
        if (targetId != null) {
            sql.append(" AND target_id = :targetId");
        }
        if (beforeSeq != null) {
            sql.append(" AND seq < :beforeSeq");
        }
        sql.append(" ORDER BY seq DESC LIMIT :limit");
        JdbcClient.StatementSpec query = jdbc.sql(sql.toString()).param("tenant", tenant)
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE)));
        if (targetType != null) {
            query = query.param("targetType", targetType);
        }
        if (targetId != null) {
            query = query.param("targetId", targetId);
        }
        if (beforeSeq != null) {
            query = query.param("beforeSeq", beforeSeq);
        }
        return query.query(this::event).list();
    }

    /**
     * One pass over the chain in sequence order. An event is broken when its hash does not match its content
     * and predecessor's hash (edited), when its predecessor is not the event before it (deleted or moved:
     * reported at the first sequence number that is missing or out of place), or when the chain head does
     * not point at the last event (events cut off the end).
     */
    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        UUID tenant = TenantContext.require();
        Scan scan = jdbc.sql("""
                WITH chain AS (
                    SELECT seq, hash,
                           hash = audit_event_hash(prev_hash, tenant_id, seq, id, at, actor_kind, actor_id, actor_label,
                                                   action, target_type, target_id, changes, ip, user_agent,
                                                   request_id) AS sealed,
                           prev_hash = coalesce(lag(hash) OVER w, :genesis) AS linked,
                           coalesce(lag(seq) OVER w, 0) AS prev_seq
                    FROM audit_events WHERE tenant_id = :tenant
                    WINDOW w AS (ORDER BY seq))
                SELECT count(*) AS checked,
                       min(CASE WHEN seq <> prev_seq + 1 OR NOT linked THEN prev_seq + 1
                                WHEN NOT sealed THEN seq END) AS first_broken,
                       max(seq) AS last_seq,
                       (array_agg(hash ORDER BY seq DESC))[1] AS last_hash
                FROM chain""")
                .param("tenant", tenant).param("genesis", GENESIS)
                .query((rs, n) -> new Scan(rs.getLong("checked"), nullableLong(rs, "first_broken"),
                        rs.getLong("last_seq"), rs.getBytes("last_hash")))
                .single();
        Head head = jdbc.sql("SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = :tenant")
                .param("tenant", tenant)
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
                .optional().orElse(new Head(0, GENESIS));

        Long broken = scan.firstBroken();
        Long atHead = null;
        if (head.seq() != scan.lastSeq()) {
            atHead = Math.min(head.seq(), scan.lastSeq()) + 1;
        } else if (scan.lastSeq() > 0 && !java.util.Arrays.equals(head.hash(), scan.lastHash())) {
            atHead = scan.lastSeq();
        }
        if (atHead != null && (broken == null || atHead < broken)) {
            broken = atHead;
        }
        return new ChainVerification(broken == null, scan.checked(), broken);
    }

    private AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_kind"),
                rs.getObject("actor_id", UUID.class),
                rs.getString("actor_label"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                json.readValue(rs.getString("changes"), CHANGES),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("request_id"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private record Head(long seq, byte[] hash) {
    }

    private record Scan(long checked, @Nullable Long firstBroken, long lastSeq, byte @Nullable [] lastHash) {
    }
}
