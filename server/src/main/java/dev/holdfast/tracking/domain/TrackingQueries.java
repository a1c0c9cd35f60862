package dev.holdfast.tracking.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TimeCursor;
import dev.holdfast.tracking.AssetLocation;
import dev.holdfast.tracking.TrackingProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What tracking answers about the current company's assets. Every row is about an asset; none carries a device's
 * identity or a device's own position. Lists are newest first, paged by {@link TimeCursor}.
 */
@Component
public class TrackingQueries {

    /** A pass estimate as listed: the asset's estimated position then, the strongest signal and closest distance. */
    public record SightingItem(Instant seenAt, double lat, double lon, double accuracyM, @Nullable Integer rssi,
            @Nullable Double distanceM) {
    }

    public record VisitItem(UUID locationId, String locationName, Instant arrivedAt, @Nullable Instant leftAt,
            long dwellSeconds) {
    }

    public record HandlingItem(Instant startedAt, Instant endedAt, double lat, double lon, @Nullable UUID locationId,
            double movedM) {
    }

    public record PositionItem(UUID assetId, String assetTag, String name, Instant seenAt, double lat, double lon,
            double accuracyM, @Nullable UUID locationId) {
    }

    /** An asset assigned to a Location but not seen there now (never positioned, or positioned elsewhere). */
    public record AbsentItem(UUID assetId, String assetTag, String name, @Nullable Instant seenAt,
            @Nullable UUID locationId) {
    }

    /** One page and the cursor of the next (null at the end). */
    public record Page<T>(List<T> items, @Nullable String next) {
    }

    /** A day and the sightings (passes) of an asset on it. */
    public record DayCount(java.time.LocalDate day, long passes, long sightings) {
    }

    /** Filters of the positions list (all optional). */
    public record PositionFilter(@Nullable String category, @Nullable String status, @Nullable String location,
            @Nullable Instant seenSince, @Nullable Instant notSeenSince, double @Nullable [] bbox) {
    }

    private final JdbcClient jdbc;
    private final TrackingProperties properties;

    TrackingQueries(JdbcClient jdbc, TrackingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public Optional<AssetLocation> location(UUID asset) {
        return whereIs(asset).orElse(Optional.empty());
    }

    /**
     * In one statement: empty when the asset does not exist (in this company), else its latest position if it has
     * one.
     */
    @Transactional(readOnly = true)
    public Optional<Optional<AssetLocation>> whereIs(UUID asset) {
        return jdbc.sql("""
                select p.seen_at, p.lat, p.lon, p.accuracy_m, p.location_id, l.name, p.source from assets a
                left join asset_positions p on p.tenant_id = a.tenant_id and p.asset_id = a.id
                left join locations l on l.tenant_id = p.tenant_id and l.id = p.location_id
                where a.tenant_id = ? and a.id = ?
                """).params(TenantContext.require(), asset).query((rs, n) -> rs.getTimestamp(1) == null
                ? Optional.<AssetLocation>empty()
                : Optional.of(new AssetLocation(instant(rs, 1), rs.getDouble(2), rs.getDouble(3),
                        round(rs.getDouble(4)), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7))))
                .optional();
    }

    @Transactional(readOnly = true)
    public Page<SightingItem> sightings(UUID asset, @Nullable Instant from, @Nullable Instant to,
            @Nullable TimeCursor after, int size) {
        List<Object> params = new ArrayList<>(List.of(TenantContext.require(), asset));
        StringBuilder sql = new StringBuilder("""
                select seen_at, lat, lon, accuracy_m, rssi, distance_m, id from asset_sightings
                where tenant_id = ? and asset_id = ?""");
        range(sql, params, "seen_at", from, to);
        if (after != null) {
            sql.append(" and (seen_at, id) < (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" order by seen_at desc, id desc limit ?");
        params.add(size + 1);
        List<Object[]> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Object[] {
            new SightingItem(instant(rs, 1), rs.getDouble(2), rs.getDouble(3), round(rs.getDouble(4)),
                    (Integer) rs.getObject(5), rs.getObject(6) == null ? null : round(rs.getDouble(6))),
            rs.getObject(7, UUID.class)}).list();
        return page(rows, size, row -> new TimeCursor(((SightingItem) row[0]).seenAt(), (UUID) row[1]));
    }

    @Transactional(readOnly = true)
    public Page<VisitItem> visits(UUID asset, @Nullable Instant from, @Nullable Instant to, @Nullable TimeCursor after,
            int size) {
        Instant now = Instant.now();
        Instant debounced = now.minus(properties.visitDebounce());
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(debounced), TenantContext.require(), asset));
        StringBuilder sql = new StringBuilder("""
                select v.location_id, l.name, v.arrived_at,
                    case when v.left_at is null and v.last_seen_at < ? then v.last_seen_at else v.left_at end as left_at
                from asset_visits v join locations l on l.tenant_id = v.tenant_id and l.id = v.location_id
                where v.tenant_id = ? and v.asset_id = ?""");
        if (from != null) {
            sql.append(" and coalesce(v.left_at, v.last_seen_at) >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and v.arrived_at < ?");
            params.add(Timestamp.from(to));
        }
        if (after != null) {
            sql.append(" and v.arrived_at < ?");
            params.add(Timestamp.from(after.at()));
        }
        sql.append(" order by v.arrived_at desc limit ?");
        params.add(size + 1);
        List<Object[]> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Instant arrived = instant(rs, 3);
            Instant left = rs.getTimestamp(4) == null ? null : instant(rs, 4);
            long dwell = Duration.between(arrived, left == null ? now : left).toSeconds();
            return new Object[] {new VisitItem(rs.getObject(1, UUID.class), rs.getString(2), arrived, left,
                    Math.max(0, dwell))};
        }).list();
        return page(rows, size, row -> new TimeCursor(((VisitItem) row[0]).arrivedAt(), new UUID(0, 0)));
    }

    @Transactional(readOnly = true)
    public Page<HandlingItem> handling(UUID asset, @Nullable Instant from, @Nullable Instant to,
            @Nullable TimeCursor after, int size) {
        List<Object> params = new ArrayList<>(List.of(TenantContext.require(), asset));
        StringBuilder sql = new StringBuilder("""
                select started_at, ended_at, lat, lon, location_id, moved_m, id from asset_handling
                where tenant_id = ? and asset_id = ?""");
        range(sql, params, "started_at", from, to);
        if (after != null) {
            sql.append(" and (started_at, id) < (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" order by started_at desc, id desc limit ?");
        params.add(size + 1);
        List<Object[]> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Object[] {
            new HandlingItem(instant(rs, 1), instant(rs, 2), rs.getDouble(3), rs.getDouble(4),
                    rs.getObject(5, UUID.class), round(rs.getDouble(6))), rs.getObject(7, UUID.class)}).list();
        return page(rows, size, row -> new TimeCursor(((HandlingItem) row[0]).startedAt(), (UUID) row[1]));
    }

    /** Sightings per day of the asset, the most recent {@code days} days. */
    @Transactional(readOnly = true)
    public List<DayCount> perDay(UUID asset, int days) {
        return jdbc.sql("""
                select day, count(*), sum(sightings) from asset_sightings where tenant_id = ? and asset_id = ?
                  and day >= current_date - ? group by day order by day
                """).params(TenantContext.require(), asset, days).query((rs, n) -> new DayCount(
                rs.getObject(1, java.time.LocalDate.class), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The latest position of each asset matching the filter, most recently seen first. */
    @Transactional(readOnly = true)
    public Page<PositionItem> positions(PositionFilter f, @Nullable TimeCursor after, int size) {
        UUID tenant = TenantContext.require();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select p.asset_id, a.asset_tag, a.name, p.seen_at, p.lat, p.lon, p.accuracy_m, p.location_id
                from asset_positions p join assets a on a.tenant_id = p.tenant_id and a.id = p.asset_id
                """).append(PositionFilterSql.where(f, tenant, params));
        if (after != null) {
            sql.append(" and (p.seen_at, p.asset_id) < (?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.id());
        }
        sql.append(" order by p.seen_at desc, p.asset_id desc limit ?");
        params.add(size + 1);
        List<Object[]> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Object[] {
            positionItem(rs)}).list();
        return page(rows, size, row -> new TimeCursor(((PositionItem) row[0]).seenAt(), ((PositionItem) row[0]).assetId()));
    }

    /** The assets whose latest position is inside the Location, most recently seen first. */
    @Transactional(readOnly = true)
    public List<PositionItem> present(UUID location, int limit) {
        return jdbc.sql("""
                select p.asset_id, a.asset_tag, a.name, p.seen_at, p.lat, p.lon, p.accuracy_m, p.location_id
                from asset_positions p join assets a on a.tenant_id = p.tenant_id and a.id = p.asset_id
                where p.tenant_id = ? and p.location_id = ? order by p.seen_at desc, p.asset_id limit ?
                """).params(TenantContext.require(), location, limit).query((rs, n) -> positionItem(rs)).list();
    }

    /** The assets that belong to the Location but are not seen in it now, by name. */
    @Transactional(readOnly = true)
    public List<AbsentItem> absent(UUID location, int limit) {
        return jdbc.sql("""
                select a.id, a.asset_tag, a.name, p.seen_at, p.location_id from assets a
                left join asset_positions p on p.tenant_id = a.tenant_id and p.asset_id = a.id
                where a.tenant_id = ? and a.location_id = ? and p.location_id is distinct from a.location_id
                order by lower(a.name), a.id limit ?
                """).params(TenantContext.require(), location, limit).query((rs, n) -> new AbsentItem(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4) == null ? null : instant(rs, 4), rs.getObject(5, UUID.class))).list();
    }

    /** Whether the Location exists in the current company. */
    @Transactional(readOnly = true)
    public boolean locationExists(UUID location) {
        return jdbc.sql("select count(*) from locations where tenant_id = ? and id = ?")
                .params(TenantContext.require(), location).query(Long.class).single() > 0;
    }

    /** The company's Locations with a geofence (for the maps). */
    @Transactional(readOnly = true)
    public List<Geofence> geofences() {
        return jdbc.sql("""
                select id, name, latitude, longitude, radius_m from locations
                where tenant_id = ? and latitude is not null and longitude is not null and radius_m is not null
                order by lower(name) limit 5000
                """).param(TenantContext.require()).query((rs, n) -> new Geofence(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))).list();
    }

    private static PositionItem positionItem(ResultSet rs) throws SQLException {
        return new PositionItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getDouble(5), rs.getDouble(6), round(rs.getDouble(7)), rs.getObject(8, UUID.class));
    }

    private static void range(StringBuilder sql, List<Object> params, String column, @Nullable Instant from,
            @Nullable Instant to) {
        if (from != null) {
            sql.append(" and ").append(column).append(" >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < ?");
            params.add(Timestamp.from(to));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Page<T> page(List<Object[]> rows, int size, java.util.function.Function<Object[], TimeCursor> cursor) {
        boolean more = rows.size() > size;
        List<Object[]> shown = more ? rows.subList(0, size) : rows;
        List<T> items = new ArrayList<>(shown.size());
        shown.forEach(r -> items.add((T) r[0]));
        return new Page<>(items, more ? cursor.apply(shown.get(shown.size() - 1)).token() : null);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static double round(double metres) {
        return Math.round(metres * 10) / 10.0;
    }
}
