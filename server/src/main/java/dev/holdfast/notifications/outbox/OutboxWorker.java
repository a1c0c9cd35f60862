package dev.holdfast.notifications.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due mails. Runs on every node: each run claims batches with {@code FOR UPDATE SKIP LOCKED}, so
 * nodes share the queue and no mail is sent twice (unless a node dies between the SMTP server accepting a
 * mail and recording it, after which the mail is sent again when its lease ends — at least once). Without
 * SMTP it only reports how many mails are waiting. Logs carry mail ids and kinds, never addresses or
 * content.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    /** Batches one run claims at most, so a run ends even when the queue keeps filling. */
    static final int MAX_BATCHES_PER_RUN = 10;

    private final OutboxStore store;
    private final SmtpDelivery delivery;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Backoff backoff;
    private final AtomicLong reportedWaiting = new AtomicLong(-1);

    OutboxWorker(OutboxStore store, SmtpDelivery delivery, OutboxProperties properties, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
    }

    @Scheduled(fixedDelayString = "${holdfast.mail.poll-interval:10s}",
            initialDelayString = "${holdfast.mail.poll-interval:10s}")
    void run() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.error("Mail outbox run failed; retrying at the next run", e);
        }
    }

    /** One run: sends what is due and returns how many mails it attempted. */
    int deliverDue() {
        if (!delivery.configured()) {
            reportWaiting();
            return 0;
        }
        int attempted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            Instant now = clock.instant();
            List<ClaimedMail> claimed = store.claimDue(now, now.plus(properties.sendLease()), properties.batchSize());
            claimed.forEach(this::attempt);
            attempted += claimed.size();
            if (claimed.size() < properties.batchSize()) {
                break;
            }
        }
        int purged = store.deleteSentBefore(clock.instant().minus(properties.keepSent()));
        if (purged > 0) {
            log.info("Deleted {} sent mail(s) older than {}", purged, properties.keepSent());
        }
        return attempted;
    }

    private void attempt(ClaimedMail mail) {
        try {
            delivery.send(mail);
        } catch (RuntimeException e) {
            failed(mail, SendFailure.of(e));
            return;
        }
        store.markSent(mail, clock.instant());
        log.info("Sent mail {} ({}) on attempt {}", mail.id(), mail.kind(), mail.attempts());
    }

    private void failed(ClaimedMail mail, SendFailure failure) {
        if (failure.permanent() || mail.attempts() >= properties.maxAttempts()) {
            store.markFailed(mail, failure.description());
            log.warn("Mail {} ({}) FAILED after {} attempt(s): {}", mail.id(), mail.kind(), mail.attempts(),
                    failure.description());
            return;
        }
        Instant next = clock.instant().plus(backoff.delayAfter(mail.attempts(), ThreadLocalRandom.current().nextDouble()));
        store.markRetry(mail, next, failure.description());
        log.info("Mail {} ({}) attempt {} failed, next at {}: {}", mail.id(), mail.kind(), mail.attempts(), next,
                failure.description());
    }

    private void reportWaiting() {
        long waiting = store.countPending();
        long previous = reportedWaiting.getAndSet(waiting);
        if (waiting != previous && (waiting > 0 || previous > 0)) {
            log.warn("SMTP is not configured (spring.mail.host): {} mail(s) waiting in the outbox; "
                    + "the operator can read them at /operator/outbox", waiting);
        }
    }
}
