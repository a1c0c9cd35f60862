package dev.holdfast.procurement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;

/**
 * One writable field of a procurement record: its JSON name, its column and how a request value is checked.
 * {@link #parse(Map, List, Set, boolean, String)} turns a request body into checked column values, refusing the
 * first bad field with 422 naming it.
 */
record Field(String json, String column, Type type, boolean required) {

    enum Type { TEXT, LONG_TEXT, EMAIL, URL, DATE, DAYS, MONTHS, SEATS, BOOLEAN, MONEY, CURRENCY, ID, IDS }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Za-z]{3}$");

    static Field of(String json, String column, Type type) {
        return new Field(json, column, type, false);
    }

    static Field required(String json, String column, Type type) {
        return new Field(json, column, type, true);
    }

    /**
     * The fields present in {@code body}, checked (null = clear). Read-only fields are ignored, unknown ones refused;
     * a required field must be present when creating and can never be cleared.
     */
    static Map<Field, @Nullable Object> parse(Map<String, ?> body, List<Field> fields, Set<String> readOnly,
            boolean creating, String entity) {
        Map<String, Field> byJson = new LinkedHashMap<>();
        fields.forEach(f -> byJson.put(f.json, f));
        if (creating) {
            for (Field f : fields) {
                if (f.required && body.get(f.json) == null) {
                    throw ProblemException.invalid(f.json, "is required");
                }
            }
        }
        Map<Field, @Nullable Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : body.entrySet()) {
            Field field = byJson.get(e.getKey());
            if (field == null) {
                if (readOnly.contains(e.getKey())) {
                    continue;
                }
                throw ProblemException.invalid(e.getKey(), "is not a field of " + entity);
            }
            Object value = field.check(e.getValue());
            if (value == null && field.required) {
                throw ProblemException.invalid(field.json, "is required");
            }
            values.put(field, value);
        }
        return values;
    }

    /** The checked value (null for null or a blank text). */
    @Nullable Object check(@Nullable Object value) {
        if (value == null || value instanceof String s && s.isBlank() && type != Type.IDS) {
            return null;
        }
        return switch (type) {
            case TEXT -> text(value, 200);
            case LONG_TEXT -> text(value, 10_000);
            case EMAIL -> {
                String s = text(value, 320);
                if (!EMAIL.matcher(s).matches()) {
                    throw invalid("must be an e-mail address");
                }
                yield s;
            }
            case URL -> {
                String s = text(value, 2000);
                if (!s.startsWith("http://") && !s.startsWith("https://")) {
                    throw invalid("must start with http:// or https://");
                }
                yield s;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text(value, 10));
                } catch (DateTimeParseException e) {
                    throw invalid("must be a date like 2026-01-31");
                }
            }
            case DAYS -> whole(value, 0, 3650);
            case MONTHS -> whole(value, 1, 120);
            case SEATS -> whole(value, 0, 1_000_000);
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    yield Boolean.parseBoolean(s);
                }
                throw invalid("must be true or false");
            }
            case MONEY -> {
                BigDecimal amount;
                try {
                    amount = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(value, 30));
                } catch (NumberFormatException e) {
                    throw invalid("must be an amount like 1299.00");
                }
                if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12) {
                    throw invalid("must be an amount of at least 0 with at most 2 decimals");
                }
                yield amount;
            }
            case CURRENCY -> {
                String s = text(value, 3);
                if (!CURRENCY.matcher(s).matches()) {
                    throw invalid("must be a three-letter ISO 4217 code like EUR");
                }
                yield s.toUpperCase(Locale.ROOT);
            }
            case ID -> id(value, json);
            case IDS -> {
                if (!(value instanceof List<?> list)) {
                    throw invalid("must be a list of ids");
                }
                Set<UUID> ids = new LinkedHashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    ids.add(id(list.get(i), json + "[" + i + "]"));
                }
                yield new ArrayList<>(ids);
            }
        };
    }

    private String text(Object value, int max) {
        if (!(value instanceof String s)) {
            throw invalid("must be text");
        }
        String t = s.strip();
        if (t.length() > max) {
            throw invalid("must be at most " + max + " characters");
        }
        return t;
    }

    private int whole(Object value, int min, int max) {
        long n;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            n = ((Number) value).longValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            n = Long.parseLong(s.strip());
        } else {
            throw invalid("must be a whole number");
        }
        if (n < min || n > max) {
            throw invalid("must be between " + min + " and " + max);
        }
        return (int) n;
    }

    private static UUID id(@Nullable Object value, String field) {
        if (value instanceof String s) {
            try {
                return UUID.fromString(s.strip());
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        throw ProblemException.invalid(field, "must be an id");
    }

    private ProblemException invalid(String message) {
        return ProblemException.invalid(json, message);
    }
}
