package dev.holdfast.inventory.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * What the asset list shows — search, filters, sort, page size — and the links that change one of them while
 * keeping the rest (sort headers, next page, export).
 */
public record ListState(@Nullable String q, @Nullable String status, @Nullable String category, @Nullable String location,
        String sort, int size) {

    static final List<Integer> SIZES = List.of(25, 50, 100, 500);
    static final int DEFAULT_SIZE = 50;
    static final String DEFAULT_SORT = "-createdAt";
    private static final Set<String> SORTS = Set.of("name", "assetTag", "createdAt", "updatedAt");

    /** Reads request parameters leniently: blanks are absent, an unknown sort or size falls back to the default. */
    static ListState of(@Nullable String q, @Nullable String status, @Nullable String category,
            @Nullable String location, @Nullable String sort, @Nullable Integer size) {
        String s = sort == null ? DEFAULT_SORT : sort.trim();
        if (!SORTS.contains(s.startsWith("-") ? s.substring(1) : s)) {
            s = DEFAULT_SORT;
        }
        return new ListState(blank(q), blank(status), blank(category), blank(location), s,
                size != null && SIZES.contains(size) ? size : DEFAULT_SIZE);
    }

    public boolean filtered() {
        return q != null || status != null || category != null || location != null;
    }

    /** This list (first page). */
    public String url() {
        return "/assets" + query(null);
    }

    /** The page after cursor {@code after}. */
    public String next(String after) {
        return "/assets" + query(after);
    }

    /** Sorted by {@code field}: ascending first (newest first for dates), the other way round when already so. */
    public String sortedBy(String field) {
        String wanted;
        if (sort.equals(field)) {
            wanted = "-" + field;
        } else if (sort.equals("-" + field)) {
            wanted = field;
        } else {
            wanted = field.endsWith("At") ? "-" + field : field;
        }
        return new ListState(q, status, category, location, wanted, size).url();
    }

    /** {@code ascending}, {@code descending} or {@code none} for the column's aria-sort. */
    public String ariaSort(String field) {
        return sort.equals(field) ? "ascending" : sort.equals("-" + field) ? "descending" : "none";
    }

    public String arrow(String field) {
        return sort.equals(field) ? "▲" : sort.equals("-" + field) ? "▼" : "";
    }

    /** The CSV export of the API with the same search, filters and sort. */
    public String exportUrl() {
        StringJoiner params = filters();
        params.add("sort=" + enc(sort));
        return "/assets/export.csv?" + params;
    }

    private String query(@Nullable String after) {
        StringJoiner params = filters();
        if (!sort.equals(DEFAULT_SORT)) {
            params.add("sort=" + enc(sort));
        }
        if (size != DEFAULT_SIZE) {
            params.add("size=" + size);
        }
        if (after != null) {
            params.add("after=" + enc(after));
        }
        return params.length() == 0 ? "" : "?" + params;
    }

    private StringJoiner filters() {
        StringJoiner params = new StringJoiner("&");
        add(params, "q", q);
        add(params, "status", status);
        add(params, "category", category);
        add(params, "location", location);
        return params;
    }

    private static void add(StringJoiner params, String name, @Nullable String value) {
        if (value != null) {
            params.add(name + "=" + enc(value));
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
