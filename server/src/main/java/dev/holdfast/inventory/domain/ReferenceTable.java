package dev.holdfast.inventory.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;

/** The reference data the API manages alike: path, table and the fields each row has besides its name. */
public enum ReferenceTable {
    CATEGORIES("categories", "categories", "Category", List.of()),
    MANUFACTURERS("manufacturers", "manufacturers", "Manufacturer", List.of()),
    DEPARTMENTS("departments", "departments", "Department", List.of()),
    STATUS_LABELS("status-labels", "status_labels", "Status label", List.of(
            Column.choice("kind", "kind", Set.of("DEPLOYABLE", "PENDING", "UNDEPLOYABLE", "ARCHIVED"), "DEPLOYABLE"))),
    LOCATIONS("locations", "locations", "Location", List.of(
            Column.ref("parentId", "parent_id", "locations"),
            Column.text("address", "address", 500),
            Column.number("latitude", "latitude", -90, 90),
            Column.number("longitude", "longitude", -180, 180),
            Column.number("radiusM", "radius_m", 0.1, 100_000))),
    MODELS("models", "models", "Model", List.of(
            Column.ref("manufacturerId", "manufacturer_id", "manufacturers"),
            Column.ref("categoryId", "category_id", "categories"),
            Column.text("modelNumber", "model_number", 200))),
    PEOPLE("people", "people", "Person", List.of(
            Column.text("email", "email", 254),
            Column.text("employeeNumber", "employee_number", 100),
            Column.ref("departmentId", "department_id", "departments"),
            Column.ref("userId", "user_id", "memberships")));

    /** One field: JSON name, column, and how a value is checked. */
    public record Column(String json, String column, Kind kind, int maxLength, double min, double max,
            @Nullable String refTable, Set<String> choices, @Nullable String defaultValue) {

        public enum Kind { TEXT, NUMBER, REF, CHOICE }

        static Column text(String json, String column, int max) {
            return new Column(json, column, Kind.TEXT, max, 0, 0, null, Set.of(), null);
        }

        static Column number(String json, String column, double min, double max) {
            return new Column(json, column, Kind.NUMBER, 0, min, max, null, Set.of(), null);
        }

        static Column ref(String json, String column, String table) {
            return new Column(json, column, Kind.REF, 0, 0, 0, table, Set.of(), null);
        }

        static Column choice(String json, String column, Set<String> choices, String defaultValue) {
            return new Column(json, column, Kind.CHOICE, 0, 0, 0, null, choices, defaultValue);
        }

        /** The value to store, checked; null clears. */
        @Nullable Object parse(@Nullable Object raw) {
            if (raw == null) {
                return null;
            }
            return switch (kind) {
                case TEXT -> {
                    if (!(raw instanceof String s)) {
                        throw ProblemException.invalid(json, "must be text");
                    }
                    String t = s.strip();
                    if (t.length() > maxLength) {
                        throw ProblemException.invalid(json, "must be at most " + maxLength + " characters");
                    }
                    yield t.isEmpty() ? null : t;
                }
                case NUMBER -> {
                    if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
                            || n.doubleValue() > max) {
                        throw ProblemException.invalid(json, "must be a number from " + min + " to " + max);
                    }
                    yield n.doubleValue();
                }
                case REF -> References.uuid(raw.toString().trim())
                        .orElseThrow(() -> ProblemException.invalid(json, "must be an id"));
                case CHOICE -> {
                    String v = raw.toString().trim().toUpperCase(java.util.Locale.ROOT);
                    if (!choices.contains(v)) {
                        throw ProblemException.invalid(json, "must be one of " + String.join(", ", choices.stream().sorted().toList()));
                    }
                    yield v;
                }
            };
        }
    }

    final String path;
    final String table;
    final String label;
    final List<Column> columns;

    ReferenceTable(String path, String table, String label, List<Column> columns) {
        this.path = path;
        this.table = table;
        this.label = label;
        this.columns = columns;
    }

    /** The path segment of the API and pages ({@code status-labels}). */
    public String path() {
        return path;
    }

    /** The singular name ({@code Status label}). */
    public String label() {
        return label;
    }

    /** The fields besides the name. */
    public List<Column> columns() {
        return columns;
    }

    public static Optional<ReferenceTable> byPath(String path) {
        for (ReferenceTable t : values()) {
            if (t.path.equals(path)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

}
