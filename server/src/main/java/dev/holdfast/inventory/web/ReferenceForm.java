package dev.holdfast.inventory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.inventory.domain.ReferenceTable;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;

/**
 * The management form of one kind of reference data: which inputs it shows (labels, input types, help) and the
 * request body the typed values stand for. Input names are the API's JSON names, so field errors land on them.
 */
final class ReferenceForm {

    /** One input: the JSON name, its label, the input type ({@code text}, {@code number}, {@code email},
     * {@code select}, {@code choice}) and a help text. */
    record Input(String field, String label, String type, @Nullable String help, List<String> choices) {
    }

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("kind", new String[] {"Kind", "Deployable assets can be checked out; archived ones are kept for the record."}),
            Map.entry("parentId", new String[] {"Inside location", "A room in a building, a building on a site …"}),
            Map.entry("address", new String[] {"Address", null}),
            Map.entry("latitude", new String[] {"Latitude", "Decimal degrees, −90 to 90 (for the map and geofencing)."}),
            Map.entry("longitude", new String[] {"Longitude", "Decimal degrees, −180 to 180."}),
            Map.entry("radiusM", new String[] {"Radius (metres)", "How far from the point the location reaches."}),
            Map.entry("manufacturerId", new String[] {"Manufacturer", null}),
            Map.entry("categoryId", new String[] {"Category", null}),
            Map.entry("modelNumber", new String[] {"Model number", null}),
            Map.entry("email", new String[] {"E-mail", null}),
            Map.entry("employeeNumber", new String[] {"Employee number", "Unique in the company."}),
            Map.entry("departmentId", new String[] {"Department", null}),
            Map.entry("userId", new String[] {"Linked user", "Optional: the member of this company who is this person."}));

    private ReferenceForm() {
    }

    static String label(String field) {
        return LABELS.containsKey(field) ? LABELS.get(field)[0] : field;
    }

    static List<Input> inputs(ReferenceTable t) {
        List<Input> inputs = new java.util.ArrayList<>();
        inputs.add(new Input("name", "Name", "text", null, List.of()));
        for (ReferenceTable.Column c : t.columns()) {
            String[] label = LABELS.getOrDefault(c.json(), new String[] {c.json(), null});
            String type = switch (c.kind()) {
                case TEXT -> c.json().equals("email") ? "email" : "text";
                case NUMBER -> "number";
                case REF -> "select";
                case CHOICE -> "choice";
            };
            inputs.add(new Input(c.json(), label[0], type, label[1], c.choices().stream().sorted(
                    java.util.Comparator.comparing((String k) -> List.of("DEPLOYABLE", "PENDING", "UNDEPLOYABLE", "ARCHIVED")
                            .indexOf(k)).thenComparing(k -> k)).toList()));
        }
        return inputs;
    }

    /** The form's values as typed (absent ones empty). */
    static Map<String, String> values(ReferenceTable t, Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Input i : inputs(t)) {
            values.put(i.field(), params.getOrDefault(i.field(), "").strip());
        }
        return values;
    }

    /** A row's values for editing. */
    static Map<String, String> of(ReferenceTable t, Map<String, Object> row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Input i : inputs(t)) {
            Object v = row.get(i.field());
            values.put(i.field(), v == null ? "" : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                    ? String.valueOf(d.longValue()) : v.toString());
        }
        return values;
    }

    /** The request body: every field (an empty one clears it); numbers parsed, bad ones answered 422 like the API. */
    static Map<String, @Nullable Object> body(ReferenceTable t, Map<String, String> values) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        for (Input i : inputs(t)) {
            String raw = values.getOrDefault(i.field(), "");
            if (raw.isEmpty()) {
                body.put(i.field(), i.field().equals("name") || i.type().equals("choice") ? raw : null);
                continue;
            }
            if (i.type().equals("number")) {
                try {
                    body.put(i.field(), Double.valueOf(raw.replace(',', '.')));
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid(i.field(), "must be a number");
                }
            } else {
                body.put(i.field(), raw);
            }
        }
        return body;
    }
}
