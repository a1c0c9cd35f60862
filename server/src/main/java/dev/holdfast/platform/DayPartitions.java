package dev.holdfast.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Day partitions of the tables partitioned {@code BY RANGE (day)} (field data and what is derived from it), named
 * {@code <table>_yyyymmdd}: created idempotently (safe on several nodes at once, SQL function
 * {@code ensure_day_partition}) with the tenant policies on them, and dropped whole when retention reaches them.
 */
@Component
public class DayPartitions {

    private static final Logger log = LoggerFactory.getLogger(DayPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern TABLE = Pattern.compile("[a-z_]{1,40}");
    /** How long creating a missing partition waits for locks on its table. */
    static final Duration ENSURE_WAIT = Duration.ofSeconds(10);

    private final SchemaMaintenance schema;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    DayPartitions(SchemaMaintenance schema) {
        this.schema = schema;
    }

    /**
     * Makes sure the partition of {@code table} for {@code day} exists. Call it before a transaction touches the table:
     * creating a partition waits for every transaction holding a lock on the table, the caller's own included (then it
     * gives up after {@link #ENSURE_WAIT}).
     */
    public void ensure(String table, LocalDate day) {
        String name = name(table, day);
        if (known.contains(name)) {
            return;
        }
        // a missing partition is created on the owner's connection: it waits for the locks of other transactions on
        // the table — at most ENSURE_WAIT, so a caller whose own transaction holds one fails instead of waiting forever
        schema.execute("select ensure_day_partition(cast('" + table + "' as regclass), date '" + day + "')", ENSURE_WAIT);
        known.add(name);
    }

    /**
     * Drops every partition of {@code table} whose day is before {@code cutoff}; returns how many. Each is first
     * detached with {@code DETACH PARTITION … CONCURRENTLY}, which lets writers go on, and then dropped on its own: a
     * DROP of a partition still attached locks the whole table, and queued behind a long read of it would hold up
     * every writer meanwhile. A detach that was interrupted (it leaves the partition "detach pending") is finished, and
     * a day table left detached but not dropped is dropped on the next run. A detach waits at most
     * {@code detachWait} for older transactions (the partition then stays pending for the next run).
     */
    public int dropOlderThan(String table, LocalDate cutoff, Duration detachWait) {
        checkName(table);
        List<DayTable> tables = schema.ownerClient().sql("""
                select c.relname, i.inhdetachpending, i.inhrelid is not null
                from pg_class c left join pg_inherits i on i.inhrelid = c.oid and i.inhparent = cast(? as regclass)
                where c.relnamespace = (select relnamespace from pg_class where oid = cast(? as regclass))
                  and c.relkind = 'r'
                  and c.relname ~ ?
                order by i.inhrelid is not null, i.inhdetachpending desc, c.relname -- left detached, pending, the rest
                """).params(table, table, "^" + table + "_[0-9]{8}$")
                .query((rs, n) -> new DayTable(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).list();
        int dropped = 0;
        for (DayTable day : tables) {
            LocalDate date = LocalDate.parse(day.name().substring(table.length() + 1), SUFFIX);
            if (!date.isBefore(cutoff)) {
                continue;
            }
            try {
                if (day.attached()) {
                    schema.execute("alter table " + table + " detach partition " + day.name()
                            + (day.detachPending() ? " finalize" : " concurrently"), detachWait);
                }
                schema.execute("drop table if exists " + day.name());
                known.remove(day.name());
                dropped++;
            } catch (DataAccessException e) {
                // older transactions outlasted the wait, or another node is at it: PostgreSQL allows one pending
                // detach per table, so the rest waits for the next run, which finishes this one first
                log.warn("Could not drop {} yet: {}", day.name(), e.getMostSpecificCause().getMessage());
                break;
            }
        }
        return dropped;
    }

    private static String name(String table, LocalDate day) {
        checkName(table);
        return table + "_" + SUFFIX.format(day);
    }

    private static void checkName(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
    }

    /** A day's table: a partition (perhaps half detached), or one detached but not dropped. */
    private record DayTable(String name, boolean detachPending, boolean attached) {
    }
}
