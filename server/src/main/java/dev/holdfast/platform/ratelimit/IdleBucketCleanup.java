package dev.holdfast.platform.ratelimit;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes rate-limit buckets nobody has used for a day: by then every bucket is full again, so deleting
 * one changes nothing for its next caller. Idempotent and safe on every node at once — rows locked by a
 * node that is using them are skipped, and a bucket used meanwhile is no longer idle.
 */
@Component
class IdleBucketCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdleBucketCleanup.class);
    static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    IdleBucketCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelay = 10, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void run() {
        int deleted = deleteIdleBuckets();
        if (deleted > 0) {
            log.info("Deleted {} idle rate-limit buckets", deleted);
        }
    }

    /** Deletes, in batches, every bucket last used more than a day ago; returns how many. */
    int deleteIdleBuckets() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                    DELETE FROM rate_limit_buckets WHERE id IN (
                        SELECT id FROM rate_limit_buckets
                        WHERE last_used_at < now() - interval '1 day'
                        LIMIT :batch FOR UPDATE SKIP LOCKED)
                    AND last_used_at < now() - interval '1 day'
                    """).param("batch", BATCH).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
