package dev.holdfast.tracking.domain;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import dev.holdfast.tracking.domain.TrackingQueries.PositionFilter;

import org.jspecify.annotations.Nullable;

/**
 * The {@code where} clause of a filtered positions query over {@code asset_positions p join assets a} (the positions
 * list and the map): category, status and Location by id or by name, seen since / not seen since, a bounding box.
 */
final class PositionFilterSql {

    private PositionFilterSql() {
    }

    static String where(PositionFilter f, UUID tenant, List<Object> params) {
        StringBuilder sql = new StringBuilder("where p.tenant_id = ?");
        params.add(tenant);
        reference(sql, params, tenant, "p.category_id", "categories", f.category());
        reference(sql, params, tenant, "p.status_id", "status_labels", f.status());
        reference(sql, params, tenant, "p.location_id", "locations", f.location());
        if (f.seenSince() != null) {
            sql.append(" and p.seen_at >= ?");
            params.add(Timestamp.from(f.seenSince()));
        }
        if (f.notSeenSince() != null) {
            sql.append(" and p.seen_at < ?");
            params.add(Timestamp.from(f.notSeenSince()));
        }
        if (f.bbox() != null) {
            sql.append(" and p.lon between ? and ? and p.lat between ? and ?");
            params.add(f.bbox()[0]);
            params.add(f.bbox()[2]);
            params.add(f.bbox()[1]);
            params.add(f.bbox()[3]);
        }
        return sql.toString();
    }

    /** {@code column = id} for an id, else the reference with that name (case-insensitive). */
    private static void reference(StringBuilder sql, List<Object> params, UUID tenant, String column, String table,
            @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            UUID id = UUID.fromString(value.strip());
            sql.append(" and ").append(column).append(" = ?");
            params.add(id);
        } catch (IllegalArgumentException e) {
            sql.append(" and ").append(column).append(" = (select id from ").append(table)
                    .append(" where tenant_id = ? and lower(name) = lower(?))");
            params.add(tenant);
            params.add(value.strip());
        }
    }
}
