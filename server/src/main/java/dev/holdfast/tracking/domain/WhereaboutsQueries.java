package dev.holdfast.tracking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the pages show besides the API's lists: an asset's timeline, its own Location, the "not seen" list. */
@Component
public class WhereaboutsQueries {

    /** One entry of an asset's timeline: a visit or a handling, newest first. */
    public record TimelineEntry(Instant at, @Nullable Instant until, String kind, String text,
            @Nullable UUID locationId) {
    }

    /** A tagged asset not seen since {@code lastSeen} (null: never). */
    public record Unseen(UUID id, String assetTag, String name, @Nullable Instant lastSeen, @Nullable String location) {
    }

    /** The Location an asset belongs to (its {@code location}), with its geofence if it has one. */
    public record Home(UUID id, String name, @Nullable Double lat, @Nullable Double lon, @Nullable Double radiusM) {
    }

    private final JdbcClient jdbc;
    private final TrackingQueries queries;

    WhereaboutsQueries(JdbcClient jdbc, TrackingQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(UUID asset, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (TrackingQueries.VisitItem v : queries.visits(asset, null, null, null, limit).items()) {
            entries.add(new TimelineEntry(v.arrivedAt(), v.leftAt(), "visit",
                    (v.leftAt() == null ? "At " : "Was at ") + v.locationName() + " — " + dwell(v.dwellSeconds()),
                    v.locationId()));
        }
        for (TrackingQueries.HandlingItem h : queries.handling(asset, null, null, null, limit).items()) {
            entries.add(new TimelineEntry(h.startedAt(), h.endedAt(), "handling",
                    "Handled — moved " + Math.round(h.movedM()) + " m", h.locationId()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    @Transactional(readOnly = true)
    public @Nullable Home home(UUID asset) {
        return jdbc.sql("""
                select l.id, l.name, l.latitude, l.longitude, l.radius_m from assets a
                join locations l on l.tenant_id = a.tenant_id and l.id = a.location_id
                where a.tenant_id = ? and a.id = ?
                """).params(TenantContext.require(), asset).query((rs, n) -> new Home(rs.getObject(1, UUID.class),
                rs.getString(2), (Double) rs.getObject(3), (Double) rs.getObject(4), (Double) rs.getObject(5)))
                .optional().orElse(null);
    }

    @Transactional(readOnly = true)
    public boolean hasTags(UUID asset) {
        return jdbc.sql("select count(*) from asset_tags where tenant_id = ? and asset_id = ?")
                .params(TenantContext.require(), asset).query(Long.class).single() > 0;
    }

    /**
     * Tagged assets not seen since {@code since} (or never), longest unseen first, after the keyset
     * ({@code afterSeen}, {@code afterId}).
     */
    @Transactional(readOnly = true)
    public List<Unseen> notSeen(Instant since, @Nullable Instant afterSeen, @Nullable UUID afterId, int limit) {
        List<Object> params = new ArrayList<>(List.of(TenantContext.require(), java.sql.Timestamp.from(since)));
        String keyset = "";
        if (afterId != null) {
            keyset = " and (coalesce(a.last_seen_at, 'epoch'), a.id) > (?, ?)";
            params.add(java.sql.Timestamp.from(afterSeen == null ? Instant.EPOCH : afterSeen));
            params.add(afterId);
        }
        params.add(limit);
        return jdbc.sql("""
                select a.id, a.asset_tag, a.name, a.last_seen_at, l.name from assets a
                left join locations l on l.tenant_id = a.tenant_id and l.id = a.location_id
                where a.tenant_id = ? and coalesce(a.last_seen_at, 'epoch') < ?
                  and exists (select 1 from asset_tags t where t.tenant_id = a.tenant_id and t.asset_id = a.id)
                """ + keyset + " order by coalesce(a.last_seen_at, 'epoch'), a.id limit ?").params(params)
                .query((rs, n) -> new Unseen(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    /** The company's categories, status labels or Locations for the map's filters: id and name, by name. */
    @Transactional(readOnly = true)
    public List<String[]> options(String table) {
        if (!List.of("categories", "status_labels", "locations").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return jdbc.sql("select id, name from " + table + " where tenant_id = ? order by lower(name) limit 1000")
                .param(TenantContext.require()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
    }

    @Transactional(readOnly = true)
    public @Nullable String locationName(UUID location) {
        return jdbc.sql("select name from locations where tenant_id = ? and id = ?")
                .params(TenantContext.require(), location).query(String.class).optional().orElse(null);
    }

    static String dwell(long seconds) {
        if (seconds < 3600) {
            return Math.max(1, seconds / 60) + " min";
        }
        if (seconds < 48 * 3600) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        return seconds / 86400 + " days";
    }
}
