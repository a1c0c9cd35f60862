package dev.holdfast.notifications.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.holdfast.notifications.AlertCondition;
import dev.holdfast.notifications.AlertKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code alerts}: set-based writes (arrays unnested in one statement) so that thousands of alerts cost one round trip. */
@Repository
public class AlertStore {

    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes evaluations of one company's kind across transactions and nodes until this transaction ends, so the
     * second of two concurrent evaluations sees the alerts the first raised.
     */
    void lock(UUID tenant, AlertKind kind) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('alerts:' || ? || ':' || ?, 0))")
                .params(tenant.toString(), kind.name()).query((rs, n) -> 1).list();
    }

    Set<String> openKeys(UUID tenant, AlertKind kind) {
        return new HashSet<>(jdbc.sql("select key from alerts where tenant_id = ? and kind = ? and cleared_at is null")
                .params(tenant, kind.name()).query(String.class).list());
    }

    int clear(UUID tenant, AlertKind kind, Collection<String> keys, Instant now) {
        int cleared = 0;
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += CHUNK) {
            String[] chunk = all.subList(i, Math.min(all.size(), i + CHUNK)).toArray(String[]::new);
            cleared += jdbc.sql("update alerts set cleared_at = ? where tenant_id = ? and kind = ? and cleared_at is null"
                            + " and key = any(?)")
                    .params(Timestamp.from(now), tenant, kind.name(), chunk).update();
        }
        return cleared;
    }

    int clearAll(UUID tenant, AlertKind kind, Instant now) {
        return jdbc.sql("update alerts set cleared_at = ? where tenant_id = ? and kind = ? and cleared_at is null")
                .params(Timestamp.from(now), tenant, kind.name()).update();
    }

    /** Inserts the conditions as open alerts; returns those actually raised (not already open). */
    List<RaisedAlert> raise(UUID tenant, List<AlertCondition> conditions, Instant now, boolean digest) {
        List<RaisedAlert> raised = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i += CHUNK) {
            List<AlertCondition> chunk = conditions.subList(i, Math.min(conditions.size(), i + CHUNK));
            int n = chunk.size();
            String[] ids = new String[n];
            String[] kinds = new String[n];
            String[] keys = new String[n];
            String[] titles = new String[n];
            String[] messages = new String[n];
            String[] links = new String[n];
            for (int j = 0; j < n; j++) {
                AlertCondition c = chunk.get(j);
                ids[j] = UUID.randomUUID().toString();
                kinds[j] = c.kind().name();
                keys[j] = c.key();
                titles[j] = c.title();
                messages[j] = c.message();
                links[j] = c.link();
            }
            raised.addAll(jdbc.sql("""
                    insert into alerts (tenant_id, id, kind, key, title, message, link, raised_at, digest_pending)
                    select ?, cast(u.id as uuid), u.kind, u.key, u.title, u.message, u.link, ?, ?
                    from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                cast(? as text[]), cast(? as text[])) as u(id, kind, key, title, message, link)
                    on conflict (tenant_id, kind, key) where cleared_at is null do nothing
                    returning id, kind, key, title, message, link, raised_at
                    """).params(tenant, Timestamp.from(now), digest, ids, kinds, keys, titles, messages, links)
                    .query(AlertStore::map).list());
        }
        return raised;
    }

    /** One in-app notification per alert and user. */
    void notify(UUID tenant, List<RaisedAlert> alerts, Collection<UUID> users) {
        if (alerts.isEmpty() || users.isEmpty()) {
            return;
        }
        String[] userIds = users.stream().map(UUID::toString).toArray(String[]::new);
        for (int i = 0; i < alerts.size(); i += CHUNK) {
            String[] alertIds = alerts.subList(i, Math.min(alerts.size(), i + CHUNK)).stream()
                    .map(a -> a.id().toString()).toArray(String[]::new);
            jdbc.sql("""
                    insert into notifications (tenant_id, id, user_id, alert_id, kind, title, message, link, created_at)
                    select a.tenant_id, gen_random_uuid(), cast(u.id as uuid), a.id, a.kind, a.title, a.message, a.link,
                           a.raised_at
                    from alerts a cross join unnest(cast(? as text[])) as u(id)
                    where a.tenant_id = ? and a.id = any(cast(? as uuid[]))
                    """).params(userIds, tenant, alertIds).update();
        }
    }

    long openCount(UUID tenant) {
        return jdbc.sql("select count(*) from alerts where tenant_id = ? and cleared_at is null").param(tenant)
                .query(Long.class).single();
    }

    List<RaisedAlert> newestOpen(UUID tenant, int limit) {
        return jdbc.sql("""
                select id, kind, key, title, message, link, raised_at from alerts
                where tenant_id = ? and cleared_at is null order by raised_at desc, id desc limit ?
                """).params(tenant, limit).query(AlertStore::map).list();
    }

    /** The alerts raised since the last digest (locked until this transaction ends), oldest first. */
    List<RaisedAlert> pendingDigest(UUID tenant) {
        return jdbc.sql("""
                select id, kind, key, title, message, link, raised_at from alerts
                where tenant_id = ? and digest_pending order by raised_at, id for update
                """).param(tenant).query(AlertStore::map).list();
    }

    void markDigested(UUID tenant, List<RaisedAlert> alerts) {
        String[] ids = alerts.stream().map(a -> a.id().toString()).toArray(String[]::new);
        jdbc.sql("update alerts set digest_pending = false where tenant_id = ? and id = any(cast(? as uuid[]))")
                .params(tenant, ids).update();
    }

    private static RaisedAlert map(ResultSet rs, int row) throws SQLException {
        return new RaisedAlert(rs.getObject("id", UUID.class), AlertKind.valueOf(rs.getString("kind")),
                rs.getString("key"), rs.getString("title"), rs.getString("message"), rs.getString("link"),
                rs.getTimestamp("raised_at").toInstant());
    }
}
