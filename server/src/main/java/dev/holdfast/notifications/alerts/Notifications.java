package dev.holdfast.notifications.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in member's in-app notifications in the current company. */
@Service
public class Notifications {

    /** The API shape. */
    public record Notification(UUID id, String kind, String title, String message, @Nullable String link,
            Instant createdAt, @Nullable Instant readAt) {
    }

    public static final int LIMIT = 200;

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, at most {@link #LIMIT}. */
    @Transactional(readOnly = true)
    public List<Notification> mine(boolean unreadOnly) {
        return jdbc.sql("""
                select id, kind, title, message, link, created_at, read_at from notifications
                where tenant_id = ? and user_id = ? and (not ? or read_at is null)
                order by created_at desc, id desc limit ?
                """).params(TenantContext.require(), me(), unreadOnly, LIMIT)
                .query((rs, n) -> new Notification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** 0 when nobody is signed in to a company. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != Actor.Kind.USER || actor.id() == null || TenantContext.current().isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from notifications where tenant_id = ? and user_id = ? and read_at is null")
                .params(TenantContext.require(), actor.id()).query(Long.class).single();
    }

    /** Marks one of the caller's notifications read; 404 for anyone else's (or an unknown id). */
    @Transactional
    public void markRead(UUID id) {
        int n = jdbc.sql("update notifications set read_at = coalesce(read_at, now()) where tenant_id = ? and id = ?"
                        + " and user_id = ?")
                .params(TenantContext.require(), id, me()).update();
        if (n == 0) {
            throw ProblemException.notFound("Notification");
        }
    }

    @Transactional
    public int markAllRead() {
        return jdbc.sql("update notifications set read_at = now() where tenant_id = ? and user_id = ? and read_at is null")
                .params(TenantContext.require(), me()).update();
    }

    private static UUID me() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != Actor.Kind.USER || actor.id() == null) {
            throw ProblemException.forbidden("Only members have notifications");
        }
        return actor.id();
    }
}
