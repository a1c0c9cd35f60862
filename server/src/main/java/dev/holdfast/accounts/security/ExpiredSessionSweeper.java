package dev.holdfast.accounts.security;

import java.util.List;

import dev.holdfast.activity.UsageLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sessions past their idle expiry and records their end in the usage log. Replaces Spring Session's own
 * clean-up (turned off with {@code spring.session.jdbc.cleanup-cron=-}), which deletes without telling anyone.
 * Rows are claimed with {@code SKIP LOCKED}, so several nodes sweep without doing the same work twice.
 */
@Component
class ExpiredSessionSweeper {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UsageLog usage;

    ExpiredSessionSweeper(JdbcClient jdbc, TransactionTemplate tx, UsageLog usage) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.usage = usage;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void scheduled() {
        while (sweep() == BATCH) {
            // more expired sessions are waiting
        }
    }

    /** Ends one batch of expired sessions; returns how many. */
    int sweep() {
        List<String> ended = tx.execute(status -> jdbc.sql("""
                delete from spring_session where primary_id in (
                    select primary_id from spring_session where expiry_time < ?
                    order by expiry_time limit ? for update skip locked)
                returning session_id
                """).params(System.currentTimeMillis(), BATCH).query(String.class).list());
        ended.forEach(id -> usage.sessionEnded(LoginHandlers.sessionKey(id.trim()), "idle timeout"));
        return ended.size();
    }
}
