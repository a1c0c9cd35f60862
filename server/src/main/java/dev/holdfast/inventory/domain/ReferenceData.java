package dev.holdfast.inventory.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.inventory.SeatHolderDeleting;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CRUD for the reference tables of {@link ReferenceTable}, in the current company: keyset lists by name, names
 * unique (409), references checked (422), rows still in use not deleted (409). Every change is audited.
 */
@Service
public class ReferenceData {

    /** A keyset page of rows, each a JSON-ready map. */
    public record Page(List<Map<String, Object>> items, @Nullable String next) {
    }

    private final JdbcClient jdbc;
    private final References references;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ReferenceData(JdbcClient jdbc, References references, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.references = references;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Page list(ReferenceTable t, @Nullable String q, int size, @Nullable String after) {
        if (size < 1 || size > 1000) {
            throw ProblemException.invalid("size", "must be between 1 and 1000");
        }
        UUID tenant = TenantContext.require();
        if (t == ReferenceTable.STATUS_LABELS) {
            references.ensureDefaults();
        }
        StringBuilder sql = new StringBuilder("select * from " + t.table + " where tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant));
        if (q != null && !q.isBlank()) {
            sql.append(" and lower(name) like ?");
            params.add("%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null && !after.isBlank()) {
            AssetCursor cursor = AssetCursor.decode(after);
            sql.append(" and (lower(name), id) > (?, ?)");
            params.add(cursor.value());
            params.add(cursor.id());
        }
        sql.append(" order by lower(name), id limit ?");
        params.add(size + 1);
        List<Map<String, Object>> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(t, rs)).list();
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<Map<String, Object>> items = rows.subList(0, size);
        Map<String, Object> last = items.get(items.size() - 1);
        return new Page(items, new AssetCursor(last.get("name").toString().toLowerCase(java.util.Locale.ROOT),
                (UUID) last.get("id")).encode());
    }

    @Transactional(readOnly = true)
    public Map<String, Object> get(ReferenceTable t, UUID id) {
        return jdbc.sql("select * from " + t.table + " where tenant_id = ? and id = ?").params(TenantContext.require(), id)
                .query((rs, n) -> map(t, rs)).optional().orElseThrow(() -> ProblemException.notFound(t.label));
    }

    @Transactional
    public Map<String, Object> create(ReferenceTable t, Map<String, ?> body) {
        UUID tenant = TenantContext.require();
        Map<String, Object> values = values(t, body, true);
        UUID id = UUID.randomUUID();
        List<String> names = new ArrayList<>(List.of("tenant_id", "id"));
        List<Object> params = new ArrayList<>(List.of(tenant, id));
        values.forEach((column, value) -> {
            names.add(column);
            params.add(value);
        });
        write(t, () -> jdbc.sql("insert into " + t.table + " (" + String.join(", ", names) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")").params(params).update());
        Map<String, Object> created = get(t, id);
        audit.record(t.path + ".created", t.path, id.toString(), null, created);
        locationsChanged(t);
        return created;
    }

    @Transactional
    public Map<String, Object> update(ReferenceTable t, UUID id, Map<String, ?> body) {
        UUID tenant = TenantContext.require();
        Map<String, Object> before = get(t, id);
        Map<String, Object> values = values(t, body, false);
        if (values.containsKey("parent_id") && id.equals(values.get("parent_id"))) {
            throw ProblemException.invalid("parentId", "a location cannot be its own parent");
        }
        if (!values.isEmpty()) {
            StringBuilder set = new StringBuilder();
            List<Object> params = new ArrayList<>();
            values.forEach((column, value) -> {
                set.append(set.length() == 0 ? "" : ", ").append(column).append(" = ?");
                params.add(value);
            });
            params.add(tenant);
            params.add(id);
            write(t, () -> jdbc.sql("update " + t.table + " set " + set + " where tenant_id = ? and id = ?")
                    .params(params).update());
        }
        Map<String, Object> after = get(t, id);
        audit.record(t.path + ".updated", t.path, id.toString(), before, after);
        locationsChanged(t);
        return after;
    }

    @Transactional
    public void delete(ReferenceTable t, UUID id) {
        Map<String, Object> before = get(t, id);
        if (t == ReferenceTable.PEOPLE) {
            events.publishEvent(new SeatHolderDeleting(TenantContext.require(), SeatHolderDeleting.Holder.PERSON, id));
        }
        write(t, () -> jdbc.sql("delete from " + t.table + " where tenant_id = ? and id = ?")
                .params(TenantContext.require(), id).update());
        audit.record(t.path + ".deleted", t.path, id.toString(), before, null);
        locationsChanged(t);
    }

    private void locationsChanged(ReferenceTable t) {
        if (t == ReferenceTable.LOCATIONS) {
            events.publishEvent(new dev.holdfast.inventory.GeofencesChanged(TenantContext.require()));
        }
    }

    private Map<String, Object> values(ReferenceTable t, Map<String, ?> body, boolean creating) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : body.entrySet()) {
            if (e.getKey().equals("name")) {
                if (!(e.getValue() instanceof String s) || s.isBlank() || s.strip().length() > 200) {
                    throw ProblemException.invalid("name", "is required (1 to 200 characters)");
                }
                values.put("name", s.strip());
                continue;
            }
            if (e.getKey().equals("id") || e.getKey().equals("createdAt")) {
                continue;
            }
            ReferenceTable.Column column = t.columns.stream().filter(c -> c.json().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(e.getKey(), "is not a field of " + t.label.toLowerCase()));
            Object value = column.parse(e.getValue());
            if (value == null && column.defaultValue() != null) {
                throw ProblemException.invalid(column.json(), "is required");
            }
            if (value != null && column.kind() == ReferenceTable.Column.Kind.REF) {
                checkExists(column, (UUID) value);
            }
            values.put(column.column(), value);
        }
        if (creating) {
            if (!values.containsKey("name")) {
                throw ProblemException.invalid("name", "is required (1 to 200 characters)");
            }
            for (ReferenceTable.Column c : t.columns) {
                if (c.defaultValue() != null) {
                    values.putIfAbsent(c.column(), c.defaultValue());
                }
            }
        }
        return values;
    }

    private void checkExists(ReferenceTable.Column column, UUID id) {
        String idColumn = "memberships".equals(column.refTable()) ? "user_id" : "id"; // a linked user: a member
        if (jdbc.sql("select count(*) from " + column.refTable() + " where tenant_id = ? and " + idColumn + " = ?")
                .params(TenantContext.require(), id).query(Long.class).single() == 0) {
            throw ProblemException.invalid(column.json(), "does not exist");
        }
    }

    private static void write(ReferenceTable t, Runnable statement) {
        try {
            statement.run();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("A " + t.label.toLowerCase() + " with this name already exists");
        } catch (DataIntegrityViolationException e) {
            throw ProblemException.conflict("This " + t.label.toLowerCase() + " is still in use");
        }
    }

    static Map<String, Object> map(ReferenceTable t, ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", rs.getObject("id", UUID.class));
        row.put("name", rs.getString("name"));
        for (ReferenceTable.Column c : t.columns) {
            row.put(c.json(), c.kind() == ReferenceTable.Column.Kind.REF ? rs.getObject(c.column(), UUID.class)
                    : rs.getObject(c.column()));
        }
        row.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toInstant());
        return row;
    }
}
