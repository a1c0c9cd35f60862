package dev.holdfast.ingest.domain;

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

    /** Drops every partition whose day is before {@code cutoff}; returns how many. */
    public int dropOlderThan(LocalDate cutoff) {
        List<String> partitions = schema.ownerClient().sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'field_batches'::regclass order by c.relname
                """).query(String.class).list();
        int dropped = 0;
        for (String name : partitions) {
            LocalDate day = LocalDate.parse(name.substring("field_batches_".length()), SUFFIX);
            if (day.isBefore(cutoff)) {
                schema.execute("drop table if exists " + name);
                known.remove(day);
                dropped++;
            }
        }
        return dropped;
    }
}
