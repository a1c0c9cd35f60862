package dev.holdfast.notifications.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the operator's outbox pages: newest first, one keyset page at a time. */
@Repository
@Transactional(readOnly = true)
class OutboxQueries {

    private static final String COLUMNS = """
            id, tenant_id, kind, recipient, subject, status, attempts, created_at, next_attempt_at,
            last_attempt_at, sent_at, last_error""";

    private final JdbcClient jdbc;

    OutboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every status with its number of mails, zeros included, in lifecycle order. */
    Map<MailStatus, Long> countsByStatus() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from mail_outbox group by status")
                .query((rs, n) -> Map.entry(MailStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /**
     * Up to {@code limit} mails, newest first, optionally of one status, strictly older than the mail
     * {@code after} (the last one of the previous page), created at {@code at} — given, the page holds even when that
     * mail has been deleted (sent mails are purged) since; without it, the mail's own time is looked up.
     */
    List<OutboxSummary> page(@Nullable MailStatus status, @Nullable UUID after, @Nullable Instant at, int limit) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox"
                        + " where (cast(:status as text) is null or status = :status)"
                        + "   and (cast(:after as uuid) is null or (created_at, id) <"
                        + "        (coalesce(cast(:at as timestamptz), (select created_at from mail_outbox where id = :after)),"
                        + "         cast(:after as uuid)))"
                        + " order by created_at desc, id desc limit :limit")
                .param("status", status != null ? status.name() : null)
                .param("after", after)
                .param("at", at != null ? java.sql.Timestamp.from(at) : null)
                .param("limit", limit)
                .query((rs, n) -> summary(rs))
                .list();
    }

    Optional<OutboxMailView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + ", text_body, html_body is not null as has_html"
                        + " from mail_outbox where id = :id")
                .param("id", id)
                .query((rs, n) -> new OutboxMailView(summary(rs), rs.getString("text_body"), rs.getBoolean("has_html")))
                .optional();
    }

    private static OutboxSummary summary(ResultSet rs) throws SQLException {
        return new OutboxSummary(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Objects.requireNonNull(OutboxStore.instant(rs, "created_at")),
                Objects.requireNonNull(OutboxStore.instant(rs, "next_attempt_at")),
                OutboxStore.instant(rs, "last_attempt_at"), OutboxStore.instant(rs, "sent_at"),
                rs.getString("last_error"));
    }
}
