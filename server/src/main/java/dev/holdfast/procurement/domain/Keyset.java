package dev.holdfast.procurement.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.holdfast.platform.ProblemException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset pagination over a select: rows after the cursor's (sort value, id) in sort order, {@code size + 1} read to
 * know whether a next page exists. The cursor is opaque to callers (base64url of id and sort value).
 */
final class Keyset {

    /** A sortable column: its API name, the SQL expression (matching an index) and its SQL type. */
    record Sort(String api, String expression, String sqlType) {
    }

    private Keyset() {
    }

    /**
     * @param select the select without where clause; {@code where} starts with " where …"; {@code idColumn} the
     *               row id's column (qualified)
     */
    static <T> Page<T> page(JdbcClient jdbc, String select, String where, List<Object> whereParams, String idColumn,
            ListQuery query, List<Sort> sorts, RowMapper<T> mapper, Function<T, String> sortValue, Function<T, UUID> id) {
        Sort sort = query.sortOf(sorts);
        boolean desc = query.descending();
        StringBuilder sql = new StringBuilder(select).append(where);
        List<Object> params = new ArrayList<>(whereParams);
        if (query.after() != null) {
            String[] cursor = decode(query.after());
            sql.append(" and (").append(sort.expression()).append(", ").append(idColumn).append(") ")
                    .append(desc ? "<" : ">").append(" (cast(? as ").append(sort.sqlType()).append("), ?)");
            params.add(cursor[1]);
            params.add(UUID.fromString(cursor[0]));
        }
        String dir = desc ? " desc" : " asc";
        sql.append(" order by ").append(sort.expression()).append(dir).append(", ").append(idColumn).append(dir)
                .append(" limit ?");
        params.add(query.size() + 1);
        List<T> rows = jdbc.sql(sql.toString()).params(params).query(mapper).list();
        if (rows.size() <= query.size()) {
            return new Page<>(rows, null);
        }
        List<T> items = List.copyOf(rows.subList(0, query.size()));
        T last = items.get(items.size() - 1);
        return new Page<>(items, encode(id.apply(last), sortValue.apply(last)));
    }

    static String encode(UUID id, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((id + "|" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            UUID.fromString(raw.substring(0, bar));
            return new String[] {raw.substring(0, bar), raw.substring(bar + 1)};
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalid("after", "is not a cursor this server gave out");
        }
    }
}
