package dev.holdfast.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.platform.DayPartitions;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracking tables as the correlation writes them: pass estimates ({@code asset_sightings}) and handlings in day
 * partitions, the latest position per asset, and visits. Runs in the caller's transaction, bound to one company.
 */
@Component
class TrackingStore {

    static final String SIGHTINGS = "asset_sightings";
    static final String HANDLING = "asset_handling";

    private final JdbcClient jdbc;
    private final DayPartitions partitions;

    TrackingStore(JdbcClient jdbc, DayPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    /**
     * Serialises the updates of one company's positions and visits until the transaction ends (workers on several
     * nodes, re-correlations, erasures): each reads what the one before wrote, and none deadlocks another.
     */
    void lockCompany(UUID tenant) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param("tracking:" + tenant)
                .query((rs, n) -> 1).list();
    }

    static LocalDate day(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** One pass estimate as stored. */
    record SightingRow(PassEstimate pass, @Nullable UUID locationId, String source, @Nullable UUID deviceId,
            @Nullable UUID batchId) {
    }

    void insertSightings(UUID tenant, List<SightingRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] days = new String[n];
        String[] assets = new String[n];
        Long[] seen = new Long[n];
        Long[] first = new Long[n];
        Double[] lat = new Double[n];
        Double[] lon = new Double[n];
        Double[] acc = new Double[n];
        Integer[] rssi = new Integer[n];
        Double[] distance = new Double[n];
        Integer[] count = new Integer[n];
        String[] location = new String[n];
        String[] source = new String[n];
        String[] device = new String[n];
        String[] batch = new String[n];
        for (int i = 0; i < n; i++) {
            SightingRow r = rows.get(i);
            PassEstimate p = r.pass();
            LocalDate d = day(p.seenAt());
            partitions.ensure(SIGHTINGS, d);
            days[i] = d.toString();
            assets[i] = p.assetId().toString();
            seen[i] = p.seenAt();
            first[i] = p.firstAt();
            lat[i] = p.lat();
            lon[i] = p.lon();
            acc[i] = p.accuracyM();
            rssi[i] = p.rssi();
            distance[i] = p.distanceM();
            count[i] = p.count();
            location[i] = text(r.locationId());
            source[i] = r.source();
            device[i] = text(r.deviceId());
            batch[i] = text(r.batchId());
        }
        jdbc.sql("""
                insert into asset_sightings (tenant_id, day, asset_id, seen_at, first_at, lat, lon, accuracy_m, rssi,
                    distance_m, sightings, location_id, source, device_id, batch_id)
                select ?, v.day, v.asset, to_timestamp(v.seen / 1000.0), to_timestamp(v.first / 1000.0), v.lat, v.lon,
                    v.acc, v.rssi, v.distance, v.count, v.location, v.source, v.device, v.batch
                from unnest(cast(? as date[]), cast(? as uuid[]), cast(? as bigint[]), cast(? as bigint[]),
                    cast(? as float8[]), cast(? as float8[]), cast(? as float8[]), cast(? as int[]), cast(? as float8[]),
                    cast(? as int[]), cast(? as uuid[]), cast(? as text[]), cast(? as uuid[]), cast(? as uuid[]))
                    v(day, asset, seen, first, lat, lon, acc, rssi, distance, count, location, source, device, batch)
                """).params(tenant, days, assets, seen, first, lat, lon, acc, rssi, distance, count, location, source,
                device, batch).update();
    }

    /** One handling as stored. */
    record HandlingRow(UUID assetId, long startedAt, long endedAt, double lat, double lon, @Nullable UUID locationId,
            double movedM, String kind, @Nullable UUID deviceId, @Nullable UUID batchId) {
    }

    void insertHandling(UUID tenant, List<HandlingRow> rows) {
        for (HandlingRow r : rows) {
            LocalDate d = day(r.startedAt());
            partitions.ensure(HANDLING, d);
            jdbc.sql("""
                    insert into asset_handling (tenant_id, day, asset_id, started_at, ended_at, lat, lon, location_id,
                        moved_m, kind, device_id, batch_id)
                    values (?, ?, ?, to_timestamp(? / 1000.0), to_timestamp(? / 1000.0), ?, ?, ?, ?, ?, ?, ?)
                    """).params(tenant, d, r.assetId(), r.startedAt(), r.endedAt(), r.lat(), r.lon(), r.locationId(),
                    r.movedM(), r.kind(), r.deviceId(), r.batchId()).update();
        }
    }

    /** The current positions of these assets. */
    Map<UUID, Position> positions(UUID tenant, Collection<UUID> assets) {
        Map<UUID, Position> found = new HashMap<>();
        if (assets.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select asset_id, since, seen_at, lat, lon, accuracy_m, weight, source from asset_positions
                where tenant_id = ? and asset_id = any(cast(? as uuid[]))
                """).params(tenant, ids(assets)).query(rs -> {
                    UUID asset = rs.getObject(1, UUID.class);
                    found.put(asset, new Position(asset, rs.getTimestamp(2).getTime(), rs.getTimestamp(3).getTime(),
                            rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8)));
                });
        return found;
    }

    /** Writes the positions (of assets that still exist) with the Location each is in. */
    void savePositions(UUID tenant, Collection<Position> positions, Map<UUID, UUID> locations) {
        for (Position p : positions) {
            jdbc.sql("""
                    insert into asset_positions (tenant_id, asset_id, seen_at, since, lat, lon, accuracy_m, weight,
                        location_id, source, category_id, status_id)
                    select ?, ?, to_timestamp(? / 1000.0), to_timestamp(? / 1000.0), ?, ?, ?, ?, ?, ?, a.category_id,
                        a.status_id
                    from assets a where a.tenant_id = ? and a.id = ?
                    on conflict (tenant_id, asset_id) do update set seen_at = excluded.seen_at, since = excluded.since,
                        lat = excluded.lat, lon = excluded.lon, accuracy_m = excluded.accuracy_m,
                        weight = excluded.weight, location_id = excluded.location_id, source = excluded.source,
                        category_id = excluded.category_id, status_id = excluded.status_id
                    """).params(tenant, p.assetId(), p.seenAt(), p.since(), p.lat(), p.lon(), p.accuracyM(), p.weight(),
                    locations.get(p.assetId()), p.source(), tenant, p.assetId()).update();
        }
    }

    /**
     * Rebuilds the asset's visits from {@code fromMs} on out of its stored pass estimates, continuing the visit going on
     * then (if any) from its stored state rather than replaying it, so an asset staying at one place for weeks costs
     * no more than one that just arrived; answers the Location it is in after them (or null).
     */
    @Nullable UUID rebuildVisits(UUID tenant, UUID asset, long fromMs, List<Geofence> fences, long debounceMs) {
        record Open(long arrived, long lastSeen, @Nullable Long left, UUID location) {
        }
        Open open = jdbc.sql("""
                select arrived_at, last_seen_at, left_at, location_id from asset_visits where tenant_id = ?
                  and asset_id = ? and arrived_at <= to_timestamp(? / 1000.0) order by arrived_at desc limit 1
                """).params(tenant, asset, fromMs).query((rs, n) -> new Open(rs.getTimestamp(1).getTime(),
                rs.getTimestamp(2).getTime(), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).getTime(),
                rs.getObject(4, UUID.class))).optional().orElse(null);
        VisitBuilder builder = new VisitBuilder(fences, debounceMs);
        Geofence fence = open == null ? null
                : fences.stream().filter(f -> f.locationId().equals(open.location())).findFirst().orElse(null);
        if (open != null && fence != null && (open.left() == null || open.left() >= fromMs - debounceMs)) {
            // the visit going on at fromMs: its last estimate inside before fromMs
            long before = jdbc.sql("""
                    select coalesce(cast(extract(epoch from max(seen_at)) * 1000 as bigint), -1) from asset_sightings
                    where tenant_id = ? and asset_id = ? and seen_at >= to_timestamp(? / 1000.0)
                      and seen_at < to_timestamp(? / 1000.0) and day >= ? and day <= ?
                    """).params(tenant, asset, open.arrived(), fromMs, day(open.arrived()), day(fromMs))
                    .query(Long.class).single();
            builder.resume(fence, open.arrived(), Math.min(open.lastSeen(), before < 0 ? open.arrived() : before));
            jdbc.sql("delete from asset_visits where tenant_id = ? and asset_id = ? and arrived_at > to_timestamp(? / 1000.0)")
                    .params(tenant, asset, open.arrived()).update();
        } else {
            jdbc.sql("delete from asset_visits where tenant_id = ? and asset_id = ? and arrived_at >= to_timestamp(? / 1000.0)")
                    .params(tenant, asset, fromMs).update();
        }
        jdbc.sql("""
                select first_at, seen_at, lat, lon, accuracy_m from asset_sightings
                where tenant_id = ? and asset_id = ? and seen_at >= to_timestamp(? / 1000.0) and day >= ?
                order by seen_at, first_at
                """).params(tenant, asset, fromMs, day(fromMs)).query(rs -> {
                    builder.add(new VisitBuilder.Fix(Math.max(fromMs, rs.getTimestamp(1).getTime()),
                            rs.getTimestamp(2).getTime(), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)));
                });
        for (Visit v : builder.visits()) {
            jdbc.sql("""
                    insert into asset_visits (tenant_id, asset_id, location_id, arrived_at, last_seen_at, left_at)
                    values (?, ?, ?, to_timestamp(? / 1000.0), to_timestamp(? / 1000.0), to_timestamp(? / 1000.0))
                    on conflict (tenant_id, asset_id, arrived_at) do update set location_id = excluded.location_id,
                        last_seen_at = excluded.last_seen_at, left_at = excluded.left_at
                    """).params(tenant, asset, v.locationId(), v.arrivedAt(), v.lastSeenAt(), v.leftAt()).update();
        }
        return builder.currentLocation();
    }

    /** A stored pass estimate and its source ({@code ble}, {@code osmand}). */
    record StoredPass(PassEstimate pass, String source) {
    }

    /** The asset's stored pass estimates, oldest first. */
    List<StoredPass> passes(UUID tenant, UUID asset) {
        return jdbc.sql("""
                select first_at, seen_at, lat, lon, accuracy_m, rssi, distance_m, sightings, source from asset_sightings
                where tenant_id = ? and asset_id = ? order by seen_at, first_at
                """).params(tenant, asset).query((rs, n) -> new StoredPass(new PassEstimate(asset,
                rs.getTimestamp(1).getTime(), rs.getTimestamp(2).getTime(), rs.getDouble(3), rs.getDouble(4),
                rs.getDouble(5), (Integer) rs.getObject(6), rs.getObject(7) == null ? null : rs.getDouble(7),
                rs.getInt(8)), rs.getString(9))).list();
    }

    /** The asset's stored carries. */
    List<Carry> carries(UUID tenant, UUID asset) {
        return jdbc.sql("""
                select started_at, ended_at, lat, lon, moved_m from asset_handling
                where tenant_id = ? and asset_id = ? and kind = 'carried' order by started_at
                """).params(tenant, asset).query((rs, n) -> new Carry(asset, rs.getTimestamp(1).getTime(),
                rs.getTimestamp(2).getTime(), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5))).list();
    }

    /** The stored carries of these assets overlapping the time between {@code fromMs} and {@code toMs}. */
    Map<UUID, List<Carry>> carries(UUID tenant, Collection<UUID> assets, long fromMs, long toMs) {
        Map<UUID, List<Carry>> found = new HashMap<>();
        if (assets.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select asset_id, started_at, ended_at, lat, lon, moved_m from asset_handling
                where tenant_id = ? and asset_id = any(cast(? as uuid[])) and kind = 'carried'
                  and started_at <= to_timestamp(? / 1000.0) and ended_at >= to_timestamp(? / 1000.0)
                  and day between cast(to_timestamp(? / 1000.0) at time zone 'UTC' as date) - 1
                              and cast(to_timestamp(? / 1000.0) at time zone 'UTC' as date)
                """).params(tenant, ids(assets), toMs, fromMs, fromMs, toMs).query(rs -> {
                    UUID asset = rs.getObject(1, UUID.class);
                    found.computeIfAbsent(asset, a -> new ArrayList<>()).add(new Carry(asset,
                            rs.getTimestamp(2).getTime(), rs.getTimestamp(3).getTime(), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6)));
                });
        return found;
    }

    /** Deletes what follows from the asset's pass estimates: its position, "moved" handlings and visits. */
    void deleteDerived(UUID tenant, UUID asset) {
        jdbc.sql("delete from asset_positions where tenant_id = ? and asset_id = ?").params(tenant, asset).update();
        jdbc.sql("delete from asset_handling where tenant_id = ? and asset_id = ? and kind = 'moved'")
                .params(tenant, asset).update();
        jdbc.sql("delete from asset_visits where tenant_id = ? and asset_id = ?").params(tenant, asset).update();
    }

    /** Deletes every pass estimate and carry recorded from the device's batches; answers the assets they were about. */
    List<UUID> deleteOfDevice(UUID tenant, UUID device) {
        // wait for a worker correlating a batch of the device right now: its derived rows must be gone too
        jdbc.sql("select 1 from field_batches where tenant_id = ? and device_id = ? for update")
                .params(tenant, device).query((rs, n) -> 1).list();
        List<UUID> assets = new ArrayList<>(jdbc.sql("""
                with s as (delete from asset_sightings where tenant_id = ? and device_id = ? returning asset_id),
                     h as (delete from asset_handling where tenant_id = ? and device_id = ? returning asset_id)
                select asset_id from s union select asset_id from h
                """).params(tenant, device, tenant, device).query(UUID.class).list());
        return assets;
    }


    private static @Nullable String text(@Nullable UUID id) {
        return id == null ? null : id.toString();
    }

    static String[] ids(Collection<UUID> ids) {
        List<String> text = new ArrayList<>(ids.size());
        ids.forEach(id -> text.add(id.toString()));
        return text.toArray(String[]::new);
    }
}
