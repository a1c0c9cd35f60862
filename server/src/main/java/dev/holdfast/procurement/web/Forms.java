package dev.holdfast.procurement.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * Form pages on top of the API's checks: request parameters become the same body the API takes, and the domain's
 * field errors (422, 409) are shown next to their inputs with what was typed kept.
 */
final class Forms {

    private Forms() {
    }

    /** The submitted values of {@code fields} (checkboxes: "true" when ticked). */
    static Map<String, String> values(List<FormField> fields, Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : fields) {
            String v = params.get(f.name());
            if (f.type().equals("checkbox")) {
                values.put(f.name(), v != null && !v.equals("false") ? "true" : "false");
            } else {
                values.put(f.name(), v == null ? "" : v);
            }
        }
        return values;
    }

    /**
     * The API body: creating leaves out blank fields, editing clears them (null). A blank write-only field (a licence
     * key shown as "leave blank to keep") is left out when editing too.
     */
    static Map<String, @Nullable Object> body(List<FormField> fields, Map<String, String> values, boolean creating) {
        Map<String, @Nullable Object> body = new HashMap<>();
        for (FormField f : fields) {
            String v = values.getOrDefault(f.name(), "").strip();
            if (f.type().equals("checkbox")) {
                body.put(f.name(), Boolean.parseBoolean(v));
            } else if (!v.isEmpty()) {
                body.put(f.name(), v);
            } else if (!creating && !f.type().equals("password")) {
                body.put(f.name(), null);
            }
        }
        return body;
    }

    /** Shows the form again with the problem; rethrows anything that is not a field problem. */
    static String rejected(ProblemException e, Model model, HttpServletResponse response) {
        if (e.status().value() != 422 && e.status().value() != 409) {
            throw e;
        }
        response.setStatus(e.status().value());
        Map<String, String> errors = new HashMap<>();
        e.errors().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("error", errors.isEmpty() ? e.getMessage() : "Please correct the fields marked below.");
        return "procurement/form";
    }

    /** Puts the form into the model; {@code procurement/form} renders it. */
    static String show(Model model, String title, String action, String cancel, String submitLabel,
            List<FormField> fields, Map<String, String> values) {
        model.addAttribute("formTitle", title);
        model.addAttribute("formAction", action);
        model.addAttribute("cancel", cancel);
        model.addAttribute("submitLabel", submitLabel);
        model.addAttribute("fields", fields);
        model.addAttribute("form", values);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "procurement/form";
    }
}
