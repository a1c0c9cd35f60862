package dev.holdfast.tracking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.holdfast.platform.TenantContext;
import dev.holdfast.tracking.domain.TrackingQueries.PositionFilter;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the map page draws for a view: the latest positions in the visible box — each asset when there are few, else
 * clusters on a grid of about 64 pixels at the zoom level (counted by the database, so the page stays smooth with
 * hundreds of thousands of positioned assets).
 */
@Component
public class MapQueries {

    /** Up to this many assets in the view are drawn one by one. */
    static final int MARKERS = 500;
    static final int MAX_CELLS = 4000;

    public record Marker(UUID assetId, String assetTag, String name, double lat, double lon, double accuracyM,
            Instant seenAt, @Nullable String locationName) {
    }

    public record Cluster(double lat, double lon, long count) {
    }

    /** Markers, or clusters when the view holds more than {@link #MARKERS} assets; {@code total} in the view. */
    public record View(long total, List<Marker> markers, List<Cluster> clusters) {
    }

    private final JdbcClient jdbc;

    MapQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public View view(PositionFilter filter, int zoom) {
        UUID tenant = TenantContext.require();
        List<Object> params = new ArrayList<>();
        String where = PositionFilterSql.where(filter, tenant, params);
        long total = jdbc.sql("select count(*) from asset_positions p join assets a on a.tenant_id = p.tenant_id "
                + "and a.id = p.asset_id " + where).params(params).query(Long.class).single();
        if (total <= MARKERS) {
            List<Marker> markers = jdbc.sql("""
                    select p.asset_id, a.asset_tag, a.name, p.lat, p.lon, p.accuracy_m, p.seen_at, l.name
                    from asset_positions p join assets a on a.tenant_id = p.tenant_id and a.id = p.asset_id
                    left join locations l on l.tenant_id = p.tenant_id and l.id = p.location_id
                    """ + where + " order by p.seen_at desc limit " + MARKERS).params(params)
                    .query((rs, n) -> new Marker(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getTimestamp(7).toInstant(),
                            rs.getString(8))).list();
            return new View(total, markers, List.of());
        }
        double cell = 360.0 / Math.pow(2, Math.max(0, Math.min(22, zoom))) / 4;
        params.add(cell);
        params.add(cell);
        List<Cluster> clusters = jdbc.sql("""
                select avg(p.lat), avg(p.lon), count(*)
                from asset_positions p join assets a on a.tenant_id = p.tenant_id and a.id = p.asset_id
                """ + where + " group by floor(p.lon / ?), floor(p.lat / ?) limit " + MAX_CELLS)
                .params(params).query((rs, n) -> new Cluster(rs.getDouble(1), rs.getDouble(2),
                        rs.getLong(3))).list();
        return new View(total, List.of(), clusters);
    }
}
