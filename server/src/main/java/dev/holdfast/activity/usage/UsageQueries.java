package dev.holdfast.activity.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the usage logs, newest first, a page at a time (keyset on {@code (at, id)}), optionally for one UTC
 * day (which also prunes the scan to that day's partition): for the current company, or installation-wide
 * for the operator.
 */
@Component
class UsageQueries {

    static final int MAX_PAGE = 200;

    enum Kind {
        REQUESTS, LOGINS, SESSIONS;

        static Kind parse(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return REQUESTS;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("kind", "must be requests, logins or sessions");
            }
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a page ends: the next page starts strictly before it. Shown as {@code <epoch microseconds>.<id>}. */
    record Cursor(Instant at, long id) {

        static @Nullable Cursor parse(@Nullable String token) {
            if (token == null || token.isBlank()) {
                return null;
            }
            int dot = token.indexOf('.');
            try {
                long micros = Long.parseLong(token.substring(0, dot));
                long id = Long.parseLong(token.substring(dot + 1));
                return new Cursor(Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L)), id);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("before", "is not a page position");
            }
        }

        String token() {
            long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
            return micros + "." + id;
        }
    }

    record Filter(Kind kind, @Nullable LocalDate day, @Nullable Cursor before, int limit) {
    }

    /** A page of rows of one kind; {@code next} is null on the last page. */
    record Page(Kind kind, List<? extends Row> rows, @Nullable Cursor next) {
    }

    sealed interface Row permits RequestRow, LoginRow, SessionRow {
        long id();

        Instant at();
    }

    record RequestRow(long id, Instant at, @Nullable UUID tenantId, @Nullable UUID userId, String method, String route,
            int status, int durationMs, @Nullable String ip) implements Row {
    }

    record LoginRow(long id, Instant at, @Nullable UUID tenantId, @Nullable UUID userId, boolean success, String reason,
            @Nullable String ip, @Nullable String userAgent) implements Row {
    }

    record SessionRow(long id, Instant at, @Nullable UUID tenantId, UUID userId, @Nullable String ip,
            @Nullable String userAgent, @Nullable Instant endedAt, @Nullable Long durationMs,
            @Nullable String endReason) implements Row {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate read;

    UsageQueries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    /** The current company's rows. */
    Page company(Filter filter) {
        UUID tenant = TenantContext.require();
        return read.execute(status -> page(filter, tenant));
    }

    /** Every row: every company's and those of none (failed logins of unknown users, anonymous requests). */
    Page installation(Filter filter) {
        return TenantContext.callInstallationWide(() -> read.execute(status -> page(filter, null)));
    }

    private Page page(Filter filter, @Nullable UUID tenant) {
        int limit = Math.max(1, Math.min(filter.limit(), MAX_PAGE));
        StringBuilder sql = new StringBuilder("SELECT ").append(switch (filter.kind()) {
            case REQUESTS -> "id, at, tenant_id, user_id, method, route, status, duration_ms, ip FROM usage_requests";
            case LOGINS -> "id, at, tenant_id, user_id, success, reason, ip, user_agent FROM usage_logins";
            case SESSIONS -> "id, at, tenant_id, user_id, ip, user_agent, ended_at, duration_ms, end_reason "
                    + "FROM usage_sessions";
        }).append(" WHERE true");
        if (tenant != null) {
            sql.append(" AND tenant_id = :tenant");
        }
        if (filter.day() != null) {
            sql.append(" AND at >= :from AND at < :to");
        }
        if (filter.before() != null) {
            sql.append(" AND (at, id) < (:beforeAt, :beforeId)");
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");

        JdbcClient.StatementSpec query = jdbc.sql(sql.toString()).param("limit", limit + 1);
        if (tenant != null) {
            query = query.param("tenant", tenant);
        }
        if (filter.day() != null) {
            query = query.param("from", filter.day().atStartOfDay().atOffset(ZoneOffset.UTC))
                    .param("to", filter.day().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.before() != null) {
            query = query.param("beforeAt", OffsetDateTime.ofInstant(filter.before().at(), ZoneOffset.UTC))
                    .param("beforeId", filter.before().id());
        }
        List<? extends Row> rows = query.query(mapper(filter.kind())).list();
        if (rows.size() <= limit) {
            return new Page(filter.kind(), rows, null);
        }
        List<? extends Row> shown = rows.subList(0, limit);
        Row last = shown.get(limit - 1);
        return new Page(filter.kind(), List.copyOf(shown), new Cursor(last.at(), last.id()));
    }

    private static RowMapper<? extends Row> mapper(Kind kind) {
        return switch (kind) {
            case REQUESTS -> (rs, n) -> new RequestRow(rs.getLong("id"), instant(rs, "at"), uuid(rs, "tenant_id"),
                    uuid(rs, "user_id"), rs.getString("method"), rs.getString("route"), rs.getInt("status"),
                    rs.getInt("duration_ms"), rs.getString("ip"));
            case LOGINS -> (rs, n) -> new LoginRow(rs.getLong("id"), instant(rs, "at"), uuid(rs, "tenant_id"),
                    uuid(rs, "user_id"), rs.getBoolean("success"), rs.getString("reason"), rs.getString("ip"),
                    rs.getString("user_agent"));
            case SESSIONS -> (rs, n) -> new SessionRow(rs.getLong("id"), instant(rs, "at"), uuid(rs, "tenant_id"),
                    rs.getObject("user_id", UUID.class), rs.getString("ip"), rs.getString("user_agent"),
                    nullableInstant(rs, "ended_at"), rs.getObject("duration_ms", Long.class),
                    rs.getString("end_reason"));
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
