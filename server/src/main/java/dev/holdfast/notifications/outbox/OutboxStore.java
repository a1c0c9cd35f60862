package dev.holdfast.notifications.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.holdfast.notifications.OutgoingMail;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes to {@code mail_outbox}. Each method is one statement, so it is atomic on its own and joins the
 * caller's transaction when there is one. Updates after an attempt check the row is still the one this
 * worker claimed (status SENDING, same attempt count), so a worker whose lease ran out cannot overwrite
 * the outcome of the worker that took over.
 */
@Repository
class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, OutgoingMail mail, Instant now) {
        jdbc.sql("""
                insert into mail_outbox (id, tenant_id, kind, recipient, subject, text_body, html_body,
                                         status, attempts, next_attempt_at, created_at)
                values (:id, :tenant, :kind, :to, :subject, :text, :html, 'PENDING', 0, :now, :now)
                """)
                .param("id", id).param("tenant", mail.tenantId()).param("kind", mail.kind())
                .param("to", mail.to()).param("subject", mail.subject())
                .param("text", mail.textBody()).param("html", mail.htmlBody())
                .param("now", ts(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due mails — pending ones whose time has come, and sending ones whose
     * worker's lease ran out — for this worker until {@code leaseEnd}. Rows another worker is claiming
     * at the same moment are skipped, never waited for nor taken twice.
     */
    List<ClaimedMail> claimDue(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                update mail_outbox m
                   set status = 'SENDING', attempts = m.attempts + 1, locked_until = :leaseEnd,
                       last_attempt_at = :now
                 where m.id in (select id from mail_outbox
                                 where (status = 'PENDING' and next_attempt_at <= :now)
                                    or (status = 'SENDING' and locked_until <= :now)
                                 order by next_attempt_at
                                 limit :limit
                                 for update skip locked)
                returning m.id, m.kind, m.recipient, m.subject, m.text_body, m.html_body, m.attempts
                """)
                .param("now", ts(now)).param("leaseEnd", ts(leaseEnd)).param("limit", limit)
                .query((rs, n) -> new ClaimedMail(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("text_body"),
                        rs.getString("html_body"), rs.getInt("attempts")))
                .list();
    }

    boolean markSent(ClaimedMail mail, Instant now) {
        return jdbc.sql("""
                update mail_outbox set status = 'SENT', sent_at = :now, locked_until = null, last_error = null
                 where id = :id and status = 'SENDING' and attempts = :attempts
                """)
                .param("now", ts(now)).param("id", mail.id()).param("attempts", mail.attempts())
                .update() == 1;
    }

    boolean markRetry(ClaimedMail mail, Instant nextAttempt, String error) {
        return jdbc.sql("""
                update mail_outbox set status = 'PENDING', next_attempt_at = :next, locked_until = null,
                                       last_error = :error
                 where id = :id and status = 'SENDING' and attempts = :attempts
                """)
                .param("next", ts(nextAttempt)).param("error", error).param("id", mail.id())
                .param("attempts", mail.attempts())
                .update() == 1;
    }

    boolean markFailed(ClaimedMail mail, String error) {
        return jdbc.sql("""
                update mail_outbox set status = 'FAILED', locked_until = null, last_error = :error
                 where id = :id and status = 'SENDING' and attempts = :attempts
                """)
                .param("error", error).param("id", mail.id()).param("attempts", mail.attempts())
                .update() == 1;
    }

    /** The operator's "retry now": a FAILED mail gets a fresh set of attempts, due at once. */
    boolean retryFailed(UUID id, Instant now) {
        return jdbc.sql("""
                update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = :now
                 where id = :id and status = 'FAILED'
                """)
                .param("now", ts(now)).param("id", id)
                .update() == 1;
    }

    int deleteSentBefore(Instant cutoff) {
        return jdbc.sql("delete from mail_outbox where status = 'SENT' and sent_at < :cutoff")
                .param("cutoff", ts(cutoff))
                .update();
    }

    long countPending() {
        return jdbc.sql("select count(*) from mail_outbox where status = 'PENDING'").query(Long.class).single();
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value != null ? value.toInstant() : null;
    }
}
