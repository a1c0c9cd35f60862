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

    CustomFields(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Definition> of(UUID categoryId) {
        return jdbc.sql("select * from custom_fields where tenant_id = ? and category_id = ? order by position, key")
                .params(TenantContext.require(), categoryId).query((rs, n) -> new Definition(rs.getObject("id", UUID.class),
                        rs.getObject("category_id", UUID.class), rs.getString("key"), rs.getString("label"),
                        Type.valueOf(rs.getString("type")), rs.getBoolean("required"), rs.getString("pattern"),
                        Arrays.asList((String[]) rs.getArray("options").getArray()), rs.getInt("position"))).list();
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
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw ProblemException.invalid("pattern", "is not a valid regular expression");
            }
        }
        List<String> options = new ArrayList<>();
        if (body.get("options") instanceof List<?> list) {
            list.forEach(o -> options.add(String.valueOf(o).strip()));
        }
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
        Map<String, Object> result = new LinkedHashMap<>(current);
        List<Definition> definitions = categoryId == null ? List.of() : of(categoryId);
        Map<String, Definition> byKey = new LinkedHashMap<>();
        definitions.forEach(d -> byKey.put(d.key(), d));
        if (changes != null) {
            for (Map.Entry<String, ?> e : changes.entrySet()) {
                Definition d = byKey.get(e.getKey());
                String field = "customFields." + e.getKey();
                if (d == null) {
                    throw ProblemException.invalid(field, "is not a custom field of the asset's category");
                }
                if (e.getValue() == null || e.getValue() instanceof String s && s.isBlank()) {
                    result.remove(e.getKey());
                } else {
                    result.put(e.getKey(), value(d, e.getValue(), field));
                }
            }
        }
        result.keySet().removeIf(k -> !byKey.containsKey(k)); // values of another category's fields are dropped
        for (Definition d : definitions) {
            if (d.required() && !result.containsKey(d.key())) {
                throw ProblemException.invalid("customFields." + d.key(), "is required for this category");
            }
        }
        return result;
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
