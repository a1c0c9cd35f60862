package dev.holdfast.notifications.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.holdfast.notifications.AlertRecipients;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled alert job: on one node per run (ShedLock row {@code alerts} in PostgreSQL), evaluates every active
 * company as of its own date and sends the digests that are due. The operator can run it at once ({@link #runNow()}).
 */
@Component
public class AlertJob {

    /** What a run did. {@code ran} is false when another node (or run) held the lock. */
    public record Run(boolean ran, int companies, int raised, int digests, int failed, long millis) {
    }

    static final String LOCK = "alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertJob.class);

    private final LockingTaskExecutor locks;
    private final AlertRecipients recipients;
    private final AlertEvaluator evaluator;
    private final AlertDigests digests;
    private final AlertsProperties properties;
    private final Clock clock;

    AlertJob(LockingTaskExecutor locks, AlertRecipients recipients, AlertEvaluator evaluator, AlertDigests digests,
            AlertsProperties properties, Clock clock) {
        this.locks = locks;
        this.recipients = recipients;
        this.evaluator = evaluator;
        this.digests = digests;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${holdfast.alerts.cron:0 5 * * * *}", zone = "UTC")
    void scheduled() {
        Run run = run(Duration.ofMinutes(1));
        if (run.ran()) {
            log.info("Alert job: {} companies, {} alerts raised, {} digests, {} failed, in {} ms", run.companies(),
                    run.raised(), run.digests(), run.failed(), run.millis());
        }
    }

    /** Runs the job now unless it is running somewhere already. */
    public Run runNow() {
        return run(Duration.ZERO);
    }

    private Run run(Duration lockAtLeastFor) {
        Instant start = clock.instant();
        try {
            LockingTaskExecutor.TaskResult<Run> result = locks.executeWithLock(() -> runAll(start),
                    new LockConfiguration(start, LOCK, properties.lockAtMostFor(), lockAtLeastFor));
            Run run = result.getResult();
            return result.wasExecuted() && run != null ? run : new Run(false, 0, 0, 0, 0, 0);
        } catch (Throwable e) {
            throw new IllegalStateException("alert job failed", e);
        }
    }

    private Run runAll(Instant start) {
        long t0 = System.nanoTime();
        int companies = 0;
        int raised = 0;
        int sent = 0;
        int failed = 0;
        for (UUID tenant : recipients.activeCompanies()) {
            companies++;
            try {
                LocalDate today = evaluator.today(tenant);
                raised += evaluator.evaluate(tenant, today);
                sent += digests.sendIfDue(tenant, start);
            } catch (RuntimeException e) {
                failed++;
                log.warn("Alert evaluation of company {} failed: {}", tenant, e.toString());
            }
        }
        return new Run(true, companies, raised, sent, failed, (System.nanoTime() - t0) / 1_000_000);
    }
}
