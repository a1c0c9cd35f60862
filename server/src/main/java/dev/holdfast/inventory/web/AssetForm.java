package dev.holdfast.inventory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.holdfast.inventory.domain.AssetView;
import dev.holdfast.inventory.domain.CustomFields;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;

/**
 * The asset form's fields as typed (kept on error), and the request body they stand for. Field names are the
 * API's JSON names, so the domain's field errors point straight at the form's inputs.
 */
final class AssetForm {

    /** Every field the form shows, in the API's names. */
    static final List<String> FIELDS = List.of("name", "assetTag", "serialNumber", "category", "manufacturer", "model",
            "status", "location", "purchaseDate", "purchaseCost", "orderNumber", "warrantyMonths", "warrantyExpiresOn",
            "endOfLifeOn", "nextAuditOn", "description", "notes", "tags");

    private AssetForm() {
    }

    /** Custom field inputs are named {@code cf.<key>}. */
    static final String CUSTOM = "cf.";

    /** The submitted values of the form's fields, as typed (absent ones empty), custom field inputs included. */
    static Map<String, String> values(Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            values.put(f, params.getOrDefault(f, ""));
        }
        params.forEach((k, v) -> {
            if (k.startsWith(CUSTOM)) {
                values.put(k, v);
            }
        });
        return values;
    }

    /**
     * The custom field values of the request body: the fields of the chosen category only (a changed category drops
     * the old one's inputs). Creating leaves out empty ones; editing sends them as null (cleared).
     */
    static @Nullable Map<String, @Nullable Object> customFields(Map<String, String> values,
            List<CustomFields.Definition> definitions, boolean creating) {
        Map<String, @Nullable Object> custom = new LinkedHashMap<>();
        for (CustomFields.Definition d : definitions) {
            String raw = values.getOrDefault(CUSTOM + d.key(), "").strip();
            if (creating && raw.isEmpty()) {
                continue;
            }
            custom.put(d.key(), raw.isEmpty() ? null : raw);
        }
        return custom.isEmpty() ? null : custom;
    }

    /** The form filled from an asset (for editing). The warranty end is shown only when set explicitly. */
    static Map<String, String> of(AssetView a) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", a.name());
        v.put("assetTag", a.assetTag());
        v.put("serialNumber", text(a.serialNumber()));
        v.put("category", text(a.category()));
        v.put("manufacturer", text(a.manufacturer()));
        v.put("model", text(a.model()));
        v.put("status", a.statusId() == null ? "" : a.statusId().toString());
        v.put("location", text(a.location()));
        v.put("purchaseDate", text(a.purchaseDate()));
        v.put("purchaseCost", a.purchaseCost() == null ? "" : a.purchaseCost().toPlainString());
        v.put("orderNumber", text(a.orderNumber()));
        v.put("warrantyMonths", text(a.warrantyMonths()));
        boolean derived = a.purchaseDate() != null && a.warrantyMonths() != null
                && Objects.equals(a.purchaseDate().plusMonths(a.warrantyMonths()), a.warrantyExpiresOn());
        v.put("warrantyExpiresOn", derived ? "" : text(a.warrantyExpiresOn()));
        v.put("endOfLifeOn", text(a.endOfLifeOn()));
        v.put("nextAuditOn", text(a.nextAuditOn()));
        v.put("description", text(a.description()));
        v.put("notes", text(a.notes()));
        v.put("tags", String.join("\n", a.tags()));
        a.customFields().forEach((key, value) -> v.put(CUSTOM + key, customText(value)));
        return v;
    }

    /**
     * The request body for {@code AssetChanges.from}. Creating leaves out empty fields (so the asset tag is generated
     * and the status defaults); editing sends every field, an empty one clearing it.
     */
    static Map<String, @Nullable Object> body(Map<String, String> values, boolean creating) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String raw = values.getOrDefault(f, "").strip();
            if (creating && raw.isEmpty()) {
                continue;
            }
            switch (f) {
                case "tags" -> body.put(f, tags(raw));
                case "warrantyMonths" -> body.put(f, raw.isEmpty() ? null : months(raw));
                default -> body.put(f, raw.isEmpty() ? null : raw);
            }
        }
        return body;
    }

    /** Field errors by form field: {@code tags[2]} is reported on the tags box, naming the line. */
    static Map<String, String> fieldErrors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ProblemException.FieldProblem p : e.errors()) {
            String field = p.field();
            String message = p.message();
            if (field.startsWith("customFields.")) {
                field = CUSTOM + field.substring("customFields.".length());
            } else if (field.startsWith("tags[")) {
                int line = Integer.parseInt(field.substring(5, field.indexOf(']'))) + 1;
                field = "tags";
                message = "tag " + line + ": " + message;
            }
            errors.putIfAbsent(field, message);
        }
        return errors;
    }

    private static List<String> tags(String raw) {
        List<String> tags = new ArrayList<>();
        for (String line : raw.split("\\R")) {
            if (!line.isBlank()) {
                tags.add(line.strip());
            }
        }
        return tags;
    }

    private static Integer months(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("warrantyMonths", "must be a whole number of months from 0 to 1200");
        }
    }

    /** A stored custom value as a form shows it (numbers without an exponent). */
    static String customText(@Nullable Object value) {
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new java.math.BigDecimal(value.toString()).toPlainString();
        }
        return text(value);
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
