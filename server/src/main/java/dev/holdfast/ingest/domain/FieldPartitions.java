package dev.holdfast.ingest.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.platform.SchemaMaintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
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
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** How long a detach waits for older transactions on {@code field_batches} before it is left to the next run. */
    static final Duration DETACH_WAIT = Duration.ofMinutes(1);

    private final SchemaMaintenance schema;
    private final IngestProperties properties;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    FieldPartitions(SchemaMaintenance schema, IngestProperties properties) {
        this.schema = schema;
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
        if (known.contains(day)) {
            return;
        }
        schema.ownerClient().sql("select field_batches_ensure_partition(?)").param(day).query((rs, n) -> 1).list();
        known.add(day);
    }

    /**
     * Drops every partition whose day is before {@code cutoff}; returns how many. Each is first detached with
     * {@code DETACH PARTITION … CONCURRENTLY}, which lets uploads go on, and then dropped on its own: a DROP of a
     * partition still attached locks the whole of {@code field_batches}, and queued behind a long read of it would hold
     * up every upload meanwhile. A detach that was interrupted (it leaves the partition "detach pending") is finished,
     * and a day table left detached but not dropped is dropped on the next run.
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
        List<DayTable> tables = schema.ownerClient().sql("""
                select c.relname, i.inhdetachpending, i.inhrelid is not null
                from pg_class c left join pg_inherits i on i.inhrelid = c.oid and i.inhparent = 'field_batches'::regclass
                where c.relnamespace = (select relnamespace from pg_class where oid = 'field_batches'::regclass)
                  and c.relkind = 'r'
                  and c.relname ~ '^field_batches_[0-9]{8}$'
                order by i.inhrelid is not null, i.inhdetachpending desc, c.relname -- left detached, pending, the rest
                """).query((rs, n) -> new DayTable(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).list();
        int dropped = 0;
        for (DayTable table : tables) {
            LocalDate day = LocalDate.parse(table.name().substring("field_batches_".length()), SUFFIX);
            if (day.isBefore(cutoff)) {
                try {
                    if (table.attached()) {
                        schema.execute("alter table field_batches detach partition " + table.name()
                                + (table.detachPending() ? " finalize" : " concurrently"), detachWait);
                    }
                    schema.execute("drop table if exists " + table.name());
                    known.remove(day);
                    dropped++;
                } catch (DataAccessException e) {
                    // older transactions outlasted the wait, or another node is at it: PostgreSQL allows one pending
                    // detach per table, so the rest waits for the next run, which finishes this one first
                    log.warn("Could not drop the field data of {} yet: {}", day, e.getMostSpecificCause().getMessage());
                    break;
                }
            }
        }
        return dropped;
    }

    /** A day's table: a partition of {@code field_batches} (perhaps half detached), or one detached but not dropped. */
    private record DayTable(String name, boolean detachPending, boolean attached) {
    }
}
