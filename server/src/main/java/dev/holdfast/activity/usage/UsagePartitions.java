package dev.holdfast.activity.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.holdfast.platform.SchemaMaintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the usage tables' day partitions (UTC days): creates today's and the next
 * {@code holdfast.usage.partitions-ahead} days', and drops every partition whose whole day lies beyond
 * {@code holdfast.usage.retention} — the rows are gone with it, no DELETE needed. Runs at start-up (before
 * the web server takes requests) and daily. Idempotent, so several nodes running it at once is harmless:
 * creation is serialized by an advisory lock inside {@code usage_ensure_partition}, and a drop of a table
 * another node already dropped is {@code IF EXISTS}.
 */
@Component
class UsagePartitions implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(UsagePartitions.class);
    static final List<String> TABLES = List.of("usage_requests", "usage_logins", "usage_sessions");
    private static final Pattern PARTITION = Pattern.compile("(usage_(?:requests|logins|sessions))_p(\\d{8})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SchemaMaintenance schema;
    private final UsageProperties properties;
    private final Clock clock = Clock.systemUTC();

    UsagePartitions(SchemaMaintenance schema, UsageProperties properties) {
        this.schema = schema;
        this.properties = properties;
    }

    /** After every singleton (Flyway included) is ready and before the web server starts. */
    @Override
    public void afterSingletonsInstantiated() {
        maintain();
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "UTC")
    void maintain() {
        maintain(clock.instant());
    }

    void maintain(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (String table : TABLES) {
            for (int ahead = 0; ahead <= properties.partitionsAhead(); ahead++) {
                create(table, today.plusDays(ahead));
            }
        }
        List<String> dropped = dropOlderThan(now.minus(properties.retention()));
        if (!dropped.isEmpty()) {
            log.info("Usage log retention: dropped {} day partitions", dropped.size());
        }
    }

    /** Creates one day's partition of {@code table} unless it exists (names and dates are ours, never input). */
    void create(String table, LocalDate day) {
        checkTable(table);
        schema.execute("DO $$ BEGIN PERFORM usage_ensure_partition('" + table + "', DATE '" + day + "'); END $$");
    }

    /** Drops the partitions whose day ended at or before {@code cutoff}; returns their names. */
    List<String> dropOlderThan(Instant cutoff) {
        List<String> dropped = new ArrayList<>();
        for (String table : TABLES) {
            for (String partition : partitions(table)) {
                Matcher m = PARTITION.matcher(partition);
                if (!m.matches() || !m.group(1).equals(table)) {
                    continue;
                }
                LocalDate day = LocalDate.parse(m.group(2), DAY);
                if (!day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
                    schema.execute("DROP TABLE IF EXISTS " + partition);
                    dropped.add(partition);
                }
            }
        }
        return dropped;
    }

    List<String> partitions(String table) {
        checkTable(table);
        return schema.ownerClient().sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = CAST(:table AS regclass) ORDER BY c.relname""")
                .param("table", table).query(String.class).list();
    }

    static String partitionName(String table, LocalDate day) {
        return table + "_p" + DAY.format(day);
    }

    private static void checkTable(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a usage table: " + table);
        }
    }
}
