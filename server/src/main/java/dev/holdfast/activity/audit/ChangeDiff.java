package dev.holdfast.activity.audit;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The fields that differ between two snapshots of an entity, as {@code field -> {before, after}} in field
 * order, with the values of sensitive fields replaced by {@code "***"} (a null stays null, so "was set" and
 * "was cleared" remain visible).
 */
final class ChangeDiff {

    static final String MASK = "***";
    /** A field is sensitive when its name contains one of these (case-insensitive)… */
    private static final Set<String> SENSITIVE_PARTS = Set.of("password", "token", "secret", "key");
    /** …or is one of these, ignoring case, '_' and '-'. */
    private static final Set<String> SENSITIVE_NAMES = Set.of("serial", "serialnumber", "notes", "note");

    private ChangeDiff() {
    }

    static Map<String, Object> between(@Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        Map<String, ?> old = before == null ? Map.of() : before;
        Map<String, ?> now = after == null ? Map.of() : after;
        Set<String> fields = new TreeSet<>(old.keySet());
        fields.addAll(now.keySet());
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String field : fields) {
            Object was = old.get(field);
            Object is = now.get(field);
            if (same(was, is)) {
                continue;
            }
            Map<String, @Nullable Object> change = new HashMap<>(2);
            boolean sensitive = isSensitive(field);
            change.put("before", sensitive ? mask(was) : was);
            change.put("after", sensitive ? mask(is) : is);
            changes.put(field, change);
        }
        return changes;
    }

    static boolean isSensitive(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        for (String part : SENSITIVE_PARTS) {
            if (name.contains(part)) {
                return true;
            }
        }
        return SENSITIVE_NAMES.contains(name.replace("_", "").replace("-", ""));
    }

    private static @Nullable Object mask(@Nullable Object value) {
        return value == null ? null : MASK;
    }

    private static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.deepEquals(a, b);
    }
}
