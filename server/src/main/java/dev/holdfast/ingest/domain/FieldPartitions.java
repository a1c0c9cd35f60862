package dev.holdfast.ingest.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.platform.DayPartitions;
import dev.holdfast.platform.SchemaMaintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Day partitions of {@code field_batches}: every day of the retention window and a few ahead exist (created at start
 * and daily, idempotently, so several nodes may run it); partitions older than the retention are dropped whole —
 * deleting a day of field data costs one DROP TABLE whatever its size.
 */
@Component
public class FieldPartitions {

    private static final Logger log = LoggerFactory.getLogger(FieldPartitions.class);
    /** How long a detach waits for older transactions on {@code field_batches} before it is left to the next run. */
    static final Duration DETACH_WAIT = Duration.ofMinutes(1);

    private final SchemaMaintenance schema;
    private final DayPartitions partitions;
    private final IngestProperties properties;

    FieldPartitions(SchemaMaintenance schema, DayPartitions partitions, IngestProperties properties) {
        this.schema = schema;
        this.partitions = partitions;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        maintain();
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "UTC")
    public void maintain() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long days = properties.retention().toDays();
        for (LocalDate d = today.minusDays(days); !d.isAfter(today.plusDays(properties.partitionsAhead())); d = d.plusDays(1)) {
            ensure(d);
        }
        int dropped = dropOlderThan(today.minusDays(days));
        schema.execute("delete from ingest_receipts where received_at < now() - interval '" + (days + 2) + " days'");
        if (dropped > 0) {
            log.info("Dropped {} day partition(s) of field data older than {} days", dropped, days);
        }
    }

    /** Makes sure the partition for {@code day} exists. */
    public void ensure(LocalDate day) {
        partitions.ensure("field_batches", day);
    }

    /**
     * Drops every partition whose day is before {@code cutoff}; returns how many ({@link DayPartitions#dropOlderThan}:
     * detached concurrently first, so uploads go on).
     */
    public int dropOlderThan(LocalDate cutoff) {
        return dropOlderThan(cutoff, DETACH_WAIT);
    }

    /**
     * {@link #dropOlderThan(LocalDate)}, waiting at most {@code detachWait} for older transactions on
     * {@code field_batches} to end before a detach gives up (the partition then stays "detach pending" and the next
     * run finishes it): the job runs on the scheduler's thread, which a very long read must not hold.
     */
    public int dropOlderThan(LocalDate cutoff, Duration detachWait) {
        return partitions.dropOlderThan("field_batches", cutoff, detachWait);
    }
}
