package dev.holdfast.inventory.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Custom fields per category: their definitions, and the checking of an asset's values against them. */
@Service
public class CustomFields {

    public enum Type { TEXT, NUMBER, DATE, BOOLEAN, LIST }

    /** One definition. */
    public record Definition(UUID id, UUID categoryId, String key, String label, Type type, boolean required,
            @Nullable String pattern, List<String> options, int position) {
    }

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final References references;

    CustomFields(JdbcClient jdbc, AuditTrail audit, References references) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.references = references;
    }

    @Transactional(readOnly = true)
    public List<Definition> of(UUID categoryId) {
        return jdbc.sql("select * from custom_fields where tenant_id = ? and category_id = ? order by position, created_at, key")
                .params(TenantContext.require(), categoryId).query(CustomFields::map).list();
    }

    @Transactional
    public Definition define(UUID categoryId, Map<String, ?> body) {
        UUID tenant = TenantContext.require();
        if (jdbc.sql("select count(*) from categories where tenant_id = ? and id = ?").params(tenant, categoryId)
                .query(Long.class).single() == 0) {
            throw ProblemException.notFound("Category");
        }
        String key = text(body, "key", 50);
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalid("key", "must start with a lower-case letter; letters, digits and _ (at most 50)");
        }
        String label = text(body, "label", 100);
        if (label == null) {
            throw ProblemException.invalid("label", "is required");
        }
        Type type;
        try {
            type = Type.valueOf(String.valueOf(body.get("type")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("type", "must be one of TEXT, NUMBER, DATE, BOOLEAN, LIST");
        }
        String pattern = text(body, "pattern", 500);
        checkPattern(pattern);
        List<String> options = options(body);
        if (type == Type.LIST && options.isEmpty()) {
            throw ProblemException.invalid("options", "a list field needs its choices");
        }
        boolean required = Boolean.TRUE.equals(body.get("required"));
        int position = body.get("position") instanceof Number n ? n.intValue() : 0;
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into custom_fields (tenant_id, id, category_id, key, label, type, required, pattern, options, position)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(tenant, id, categoryId, key, label, type.name(), required, pattern,
                    options.toArray(String[]::new), position).update();
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("The category already has a field with the key " + key);
        }
        audit.record("custom_field.created", "category", categoryId.toString(), null,
                Map.of("key", key, "type", type.name(), "required", required));
        return of(categoryId).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(UUID categoryId, UUID fieldId) {
        int n = jdbc.sql("delete from custom_fields where tenant_id = ? and category_id = ? and id = ?")
                .params(TenantContext.require(), categoryId, fieldId).update();
        if (n == 0) {
            throw ProblemException.notFound("Custom field");
        }
        audit.record("custom_field.deleted", "category", categoryId.toString(), Map.of("field", fieldId.toString()), null);
    }

    /**
     * The values to store for an asset of {@code categoryId}: {@code current} with {@code changes} applied (null removes
     * a value), each checked against its definition; required fields must end up with a value.
     */
    Map<String, Object> check(@Nullable UUID categoryId, Map<String, Object> current, @Nullable Map<String, ?> changes) {
        return check(categoryId == null ? List.of() : of(categoryId), current, changes);
    }

    /**
     * As {@link #check(UUID, Map, Map)} against the given definitions; every bad value is reported (422 naming
     * {@code customFields.<key>} for each), not only the first.
     */
    static Map<String, Object> check(List<Definition> definitions, Map<String, Object> current,
            @Nullable Map<String, ?> changes) {
        Map<String, Object> result = new LinkedHashMap<>(current);
        Map<String, Definition> byKey = new LinkedHashMap<>();
        definitions.forEach(d -> byKey.put(d.key(), d));
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (changes != null) {
            for (Map.Entry<String, ?> e : changes.entrySet()) {
                Definition d = byKey.get(e.getKey());
                String field = "customFields." + e.getKey();
                if (d == null) {
                    problems.add(new ProblemException.FieldProblem(field, "is not a custom field of the asset's category"));
                    continue;
                }
                if (e.getValue() == null || e.getValue() instanceof String s && s.isBlank()) {
                    result.remove(e.getKey());
                } else {
                    try {
                        result.put(e.getKey(), value(d, e.getValue(), field));
                    } catch (ProblemException bad) {
                        problems.addAll(bad.errors());
                        result.remove(e.getKey());
                    }
                }
            }
        }
        result.keySet().removeIf(k -> !byKey.containsKey(k)); // values of another category's fields are dropped
        for (Definition d : definitions) {
            String field = "customFields." + d.key();
            if (d.required() && !result.containsKey(d.key())
                    && problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new ProblemException.FieldProblem(field, "is required for this category"));
            }
        }
        if (!problems.isEmpty()) {
            ProblemException.FieldProblem first = problems.get(0);
            throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    first.field() + " " + first.message(), problems, null);
        }
        return result;
    }

    /** The definitions of the category named or identified by {@code nameOrId}; none when there is no such category. */
    @Transactional(readOnly = true)
    public List<Definition> ofCategory(@Nullable String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return List.of();
        }
        return references.find(RefKind.CATEGORY, nameOrId.strip()).map(this::of).orElse(List.of());
    }

    /** Every definition of the company, ordered by category, position and key (for CSV columns). */
    @Transactional(readOnly = true)
    public List<Definition> all() {
        return jdbc.sql("""
                        select f.* from custom_fields f
                        join categories c on c.tenant_id = f.tenant_id and c.id = f.category_id
                        where f.tenant_id = ? order by lower(c.name), c.id, f.position, f.created_at, f.key""")
                .param(TenantContext.require()).query(CustomFields::map).list();
    }

    /** Changes a definition: label, required, pattern, options and position (the key and type stay). */
    @Transactional
    public Definition change(UUID categoryId, UUID fieldId, Map<String, ?> body) {
        UUID tenant = TenantContext.require();
        Definition before = of(categoryId).stream().filter(d -> d.id().equals(fieldId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Custom field"));
        String label = body.containsKey("label") ? text(body, "label", 100) : before.label();
        if (label == null) {
            throw ProblemException.invalid("label", "is required");
        }
        String pattern = body.containsKey("pattern") ? text(body, "pattern", 500) : before.pattern();
        checkPattern(pattern);
        List<String> options = body.containsKey("options") ? options(body) : before.options();
        if (before.type() == Type.LIST && options.isEmpty()) {
            throw ProblemException.invalid("options", "a list field needs its choices");
        }
        boolean required = body.containsKey("required") ? Boolean.TRUE.equals(body.get("required")) : before.required();
        int position = body.get("position") instanceof Number n ? n.intValue() : before.position();
        jdbc.sql("""
                update custom_fields set label = ?, required = ?, pattern = ?, options = ?, position = ?
                where tenant_id = ? and category_id = ? and id = ?
                """).params(label, required, pattern, options.toArray(String[]::new), position, tenant, categoryId, fieldId)
                .update();
        Definition after = of(categoryId).stream().filter(d -> d.id().equals(fieldId)).findFirst().orElseThrow();
        audit.record("custom_field.updated", "category", categoryId.toString(), describe(before), describe(after));
        return after;
    }

    private static Map<String, Object> describe(Definition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", d.key());
        m.put("label", d.label());
        m.put("required", d.required());
        m.put("pattern", d.pattern());
        m.put("options", String.join(", ", d.options()));
        m.put("position", d.position());
        return m;
    }

    private static void checkPattern(@Nullable String pattern) {
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw ProblemException.invalid("pattern", "is not a valid regular expression");
            }
        }
    }

    private static List<String> options(Map<String, ?> body) {
        List<String> options = new ArrayList<>();
        if (body.get("options") instanceof List<?> list) {
            list.forEach(o -> {
                String v = String.valueOf(o).strip();
                if (!v.isEmpty() && !options.contains(v)) {
                    options.add(v);
                }
            });
        }
        return options;
    }

    private static Definition map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Definition(rs.getObject("id", UUID.class), rs.getObject("category_id", UUID.class), rs.getString("key"),
                rs.getString("label"), Type.valueOf(rs.getString("type")), rs.getBoolean("required"),
                rs.getString("pattern"), Arrays.asList((String[]) rs.getArray("options").getArray()), rs.getInt("position"));
    }

    private static Object value(Definition d, Object raw, String field) {
        String text = raw.toString().strip();
        Object value = switch (d.type()) {
            case TEXT -> text;
            case NUMBER -> {
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid(field, "must be a number");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid(field, "must be a date like 2026-11-23");
                }
            }
            case BOOLEAN -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw ProblemException.invalid(field, "must be true or false");
                }
                yield Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            }
            case LIST -> {
                if (!d.options().contains(text)) {
                    throw ProblemException.invalid(field, "must be one of " + String.join(", ", d.options()));
                }
                yield text;
            }
        };
        if (d.pattern() != null && !Pattern.compile(d.pattern()).matcher(text).matches()) {
            throw ProblemException.invalid(field, "does not have the expected format");
        }
        return value;
    }

    private static @Nullable String text(Map<String, ?> body, String key, int max) {
        Object v = body.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() > max) {
            throw ProblemException.invalid(key, "must be at most " + max + " characters");
        }
        return s.isEmpty() ? null : s;
    }
}
