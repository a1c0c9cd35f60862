package dev.holdfast.procurement.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts and partial updates from checked field values, and reading typed columns. */
final class Rows {

    private Rows() {
    }

    static void insert(JdbcClient jdbc, String table, UUID tenant, UUID id, Map<Field, @Nullable Object> values) {
        List<String> names = new ArrayList<>(List.of("tenant_id", "id"));
        List<@Nullable Object> params = new ArrayList<>(List.of(tenant, id));
        values.forEach((f, v) -> {
            if (f.type() != Field.Type.IDS) {
                names.add(f.column());
                params.add(v);
            }
        });
        jdbc.sql("insert into " + table + " (" + String.join(", ", names) + ") values ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")").params(params).update();
    }

    static void update(JdbcClient jdbc, String table, UUID tenant, UUID id, Map<Field, @Nullable Object> values) {
        StringBuilder set = new StringBuilder();
        List<@Nullable Object> params = new ArrayList<>();
        values.forEach((f, v) -> {
            if (f.type() != Field.Type.IDS) {
                set.append(f.column()).append(" = ?, ");
                params.add(v);
            }
        });
        params.add(tenant);
        params.add(id);
        jdbc.sql("update " + table + " set " + set + "updated_at = now() where tenant_id = ? and id = ?").params(params)
                .update();
    }

    static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static @Nullable UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static @Nullable String string(@Nullable Object value) {
        return Objects.toString(value, null);
    }
}
