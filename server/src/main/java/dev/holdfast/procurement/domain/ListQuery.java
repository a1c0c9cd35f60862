package dev.holdfast.procurement.domain;

import java.util.List;
import java.util.Locale;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;

/**
 * A list request: search text, sort ({@code field} or {@code -field}), page size and keyset position. Filters are
 * passed to each list separately.
 */
public record ListQuery(@Nullable String q, String sort, int size, @Nullable String after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public ListQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        q = q == null || q.isBlank() ? null : q.strip();
        after = after == null || after.isBlank() ? null : after;
    }

    @Nullable String like() {
        return q == null ? null
                : "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    boolean descending() {
        return sort.startsWith("-");
    }

    /** The sort of {@code sorts} this query names; 422 naming {@code sort} otherwise. */
    Keyset.Sort sortOf(List<Keyset.Sort> sorts) {
        String name = sort.startsWith("-") ? sort.substring(1) : sort;
        for (Keyset.Sort s : sorts) {
            if (s.api().equals(name)) {
                return s;
            }
        }
        throw ProblemException.invalid("sort", "must be one of "
                + String.join(", ", sorts.stream().map(Keyset.Sort::api).toList()) + " (prefix - for descending)");
    }
}
