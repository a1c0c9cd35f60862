package dev.holdfast.inventory.domain;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reference data as the management pages list it: search, sort by name or creation (either way), keyset pages,
 * the names of what a row points to, and how many assets (people, for departments) use each row.
 */
@Service
public class ReferenceBrowser {

    /** One row: its fields as {@link ReferenceData} answers them, the names of its references and its use count. */
    public record Row(Map<String, Object> fields, Map<String, String> refNames, long used) {

        public UUID id() {
            return (UUID) fields.get("id");
        }

        public String name() {
            return (String) fields.get("name");
        }
    }

    /** A keyset page. */
    public record Page(List<Row> items, @Nullable String next) {
    }

    /** The sort orders a list offers: {@code name}, {@code createdAt}, each with {@code -} for descending. */
    public static final List<String> SORTS = List.of("name", "-name", "createdAt", "-createdAt");

    private final JdbcClient jdbc;
    private final ReferenceData data;
    private final References references;

    ReferenceBrowser(JdbcClient jdbc, ReferenceData data, References references) {
        this.jdbc = jdbc;
        this.data = data;
        this.references = references;
    }

    @Transactional
    public Page list(ReferenceTable t, @Nullable String q, String sort, int size, @Nullable String after) {
        if (size < 1 || size > 500) {
            throw ProblemException.invalid("size", "must be between 1 and 500");
        }
        if (!SORTS.contains(sort)) {
            throw ProblemException.invalid("sort", "must be one of " + String.join(", ", SORTS));
        }
        UUID tenant = TenantContext.require();
        if (t == ReferenceTable.STATUS_LABELS) {
            references.ensureDefaults();
        }
        boolean byName = sort.endsWith("name");
        boolean desc = sort.startsWith("-");
        String key = byName ? "lower(r.name)" : "r.created_at";
        StringBuilder sql = new StringBuilder("select r.*");
        for (ReferenceTable.Column c : t.columns) {
            if (c.kind() == ReferenceTable.Column.Kind.REF) {
                sql.append(", ").append(refName(c)).append(" as ").append(c.column()).append("_name");
            }
        }
        sql.append(" from ").append(t.table).append(" r where r.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant));
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" and (lower(r.name) like ?");
            params.add(like);
            if (t == ReferenceTable.PEOPLE) {
                sql.append(" or lower(r.email) like ? or lower(r.employee_number) like ?");
                params.add(like);
                params.add(like);
            } else if (t == ReferenceTable.MODELS) {
                sql.append(" or lower(r.model_number) like ?");
                params.add(like);
            } else if (t == ReferenceTable.LOCATIONS) {
                sql.append(" or lower(r.address) like ?");
                params.add(like);
            }
            sql.append(')');
        }
        if (after != null && !after.isBlank()) {
            AssetCursor cursor = AssetCursor.decode(after);
            sql.append(" and (").append(key).append(", r.id) ").append(desc ? "<" : ">")
                    .append(byName ? " (?, ?)" : " (cast(? as timestamptz), ?)");
            params.add(cursor.value());
            params.add(cursor.id());
        }
        String dir = desc ? " desc" : "";
        sql.append(" order by ").append(key).append(dir).append(", r.id").append(dir).append(" limit ?");
        params.add(size + 1);
        List<Map<String, Object>> raw = new ArrayList<>();
        List<Map<String, String>> names = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            raw.add(ReferenceData.map(t, rs));
            Map<String, String> n = new HashMap<>();
            for (ReferenceTable.Column c : t.columns) {
                if (c.kind() == ReferenceTable.Column.Kind.REF && rs.getString(c.column() + "_name") != null) {
                    n.put(c.json(), rs.getString(c.column() + "_name"));
                }
            }
            n.put("createdAtSort", rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
            names.add(n);
        });
        String next = null;
        int shown = Math.min(size, raw.size());
        if (raw.size() > size) {
            Map<String, Object> last = raw.get(size - 1);
            String value = byName ? last.get("name").toString().toLowerCase(Locale.ROOT)
                    : names.get(size - 1).get("createdAtSort");
            next = new AssetCursor(value, (UUID) last.get("id")).encode();
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            ids.add((UUID) raw.get(i).get("id"));
        }
        Map<UUID, Long> used = usage(t, ids);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            Map<String, String> n = names.get(i);
            n.remove("createdAtSort");
            rows.add(new Row(raw.get(i), n, used.getOrDefault(ids.get(i), 0L)));
        }
        return new Page(rows, next);
    }

    /** One row with its reference names and use count (404 when it is not the company's). */
    @Transactional(readOnly = true)
    public Row get(ReferenceTable t, UUID id) {
        Map<String, Object> fields = data.get(t, id);
        Map<String, String> names = new HashMap<>();
        for (ReferenceTable.Column c : t.columns) {
            if (c.kind() == ReferenceTable.Column.Kind.REF && fields.get(c.json()) != null) {
                String sql = "memberships".equals(c.refTable())
                        ? "select u.name from memberships m join users u on u.id = m.user_id where m.tenant_id = ? and m.user_id = ?"
                        : "select name from " + c.refTable() + " where tenant_id = ? and id = ?";
                jdbc.sql(sql).params(TenantContext.require(), fields.get(c.json())).query(String.class).optional()
                        .ifPresent(name -> names.put(c.json(), name));
            }
        }
        return new Row(fields, names, usage(t, List.of(id)).getOrDefault(id, 0L));
    }

    /** What uses a row of {@code t}: assets, except for departments (people). */
    public static String usedBy(ReferenceTable t) {
        return t == ReferenceTable.DEPARTMENTS ? "people" : "assets";
    }

    /** How many assets (or people) use each of {@code ids}. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> usage(ReferenceTable t, List<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        String[] array = ids.stream().map(UUID::toString).toArray(String[]::new);
        UUID tenant = TenantContext.require();
        String sql = switch (t) {
            case CATEGORIES -> grouped("assets", "category_id");
            case MANUFACTURERS -> grouped("assets", "manufacturer_id");
            case MODELS -> grouped("assets", "model_id");
            case STATUS_LABELS -> grouped("assets", "status_id");
            case PEOPLE -> grouped("assets", "assigned_person_id");
            case DEPARTMENTS -> grouped("people", "department_id");
            case LOCATIONS -> "select ref, sum(n) from (" + grouped("assets", "location_id") + " union all "
                    + grouped("assets", "assigned_location_id") + ") u group by ref";
        };
        var spec = jdbc.sql(sql).param(tenant).param(array);
        if (t == ReferenceTable.LOCATIONS) {
            spec = spec.param(tenant).param(array);
        }
        spec.query((ResultSet rs) -> {
            counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return counts;
    }

    /** The company's members as choices for a person's linked user (id and display name). */
    @Transactional(readOnly = true)
    public List<ReferenceOptions.Option> members() {
        return jdbc.sql("select m.user_id, u.name from memberships m join users u on u.id = m.user_id "
                + "where m.tenant_id = ? order by lower(u.name), m.user_id").param(TenantContext.require())
                .query((rs, n) -> new ReferenceOptions.Option(rs.getObject(1, UUID.class), rs.getString(2), null)).list();
    }

    /** The rows of the table a reference column points to, as choices (at most 2000, by name). */
    @Transactional(readOnly = true)
    public List<ReferenceOptions.Option> choices(ReferenceTable.Column column, @Nullable UUID except) {
        if ("memberships".equals(column.refTable())) {
            return members();
        }
        return jdbc.sql("select id, name from " + column.refTable() + " where tenant_id = ? and id <> ? "
                + "order by lower(name), id limit 2000").params(TenantContext.require(), except == null ? new UUID(0, 0) : except)
                .query((rs, n) -> new ReferenceOptions.Option(rs.getObject(1, UUID.class), rs.getString(2), null)).list();
    }

    private static String grouped(String table, String column) {
        return "select " + column + " as ref, count(*) as n from " + table + " where tenant_id = ? and " + column
                + " = any(cast(? as uuid[])) group by " + column;
    }

    private static String refName(ReferenceTable.Column c) {
        if ("memberships".equals(c.refTable())) {
            return "(select u.name from memberships m join users u on u.id = m.user_id where m.tenant_id = r.tenant_id "
                    + "and m.user_id = r." + c.column() + ")";
        }
        return "(select x.name from " + c.refTable() + " x where x.tenant_id = r.tenant_id and x.id = r." + c.column() + ")";
    }
}
