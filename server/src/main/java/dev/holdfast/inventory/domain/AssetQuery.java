package dev.holdfast.inventory.domain;

import java.util.Locale;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;

/** A list request: search, filters (names or ids), sort and keyset position. */
public record AssetQuery(@Nullable String q, @Nullable String status, @Nullable String category,
        @Nullable String location, String sort, int size, @Nullable String after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    /** The sortable columns: the API name and the SQL expression the keyset runs on. */
    enum Sort {
        CREATED_AT("createdAt", "a.created_at", "timestamptz"),
        UPDATED_AT("updatedAt", "a.updated_at", "timestamptz"),
        NAME("name", "lower(a.name)", "text"),
        ASSET_TAG("assetTag", "lower(a.asset_tag)", "text");

        final String api;
        final String expression;
        final String sqlType;

        Sort(String api, String expression, String sqlType) {
            this.api = api;
            this.expression = expression;
            this.sqlType = sqlType;
        }
    }

    public AssetQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        sort = sort == null || sort.isBlank() ? "createdAt" : sort.trim();
        sortKey(sort);
    }

    Sort sortKey() {
        return sortKey(sort);
    }

    boolean descending() {
        return sort.startsWith("-");
    }

    private static Sort sortKey(String sort) {
        String name = sort.startsWith("-") ? sort.substring(1) : sort;
        for (Sort s : Sort.values()) {
            if (s.api.equals(name)) {
                return s;
            }
        }
        throw ProblemException.invalid("sort", "must be one of createdAt, updatedAt, name, assetTag (prefix - for descending)");
    }

    @Nullable String search() {
        return q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
    }
}
