package dev.holdfast.inventory.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.inventory.domain.CustomFields;
import dev.holdfast.inventory.domain.ReferenceBrowser;
import dev.holdfast.inventory.domain.ReferenceData;
import dev.holdfast.inventory.domain.ReferenceOptions;
import dev.holdfast.inventory.domain.ReferenceTable;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /inventory/{kind}}: the management pages of categories, manufacturers, models, locations, status labels,
 * people and departments — a searchable, sortable list in keyset pages with how many assets use each row, forms
 * with the domain's field errors next to their inputs, and deleting (refused with the count when still in use).
 * Members read, Managers and up write.
 */
@Controller
class ReferencePages {

    static final String KINDS = "{kind:categories|manufacturers|models|locations|status-labels|people|departments}";
    static final List<Integer> SIZES = List.of(25, 50, 100);

    private final ReferenceData data;
    private final ReferenceBrowser browser;
    private final CustomFields customFields;

    ReferencePages(ReferenceData data, ReferenceBrowser browser, CustomFields customFields) {
        this.data = data;
        this.browser = browser;
        this.customFields = customFields;
    }

    @GetMapping("/inventory/" + KINDS)
    String list(@PathVariable String kind, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restore,
            Model model, HttpServletResponse response) {
        ReferenceTable t = table(kind);
        String s = sort != null && ReferenceBrowser.SORTS.contains(sort) ? sort : "name";
        int n = size != null && SIZES.contains(size) ? size : 50;
        String query = q == null || q.isBlank() ? null : q.strip();
        ReferenceBrowser.Page page;
        String cursor = after == null || after.isBlank() ? null : after;
        try {
            page = browser.list(t, query, s, n, cursor);
        } catch (ProblemException e) { // a stale or hand-made cursor: the first page
            page = browser.list(t, query, s, n, null);
            cursor = null;
        }
        State state = new State(t.path(), query, s, n);
        model.addAttribute("t", t);
        model.addAttribute("kind", kind);
        model.addAttribute("heading", title(t));
        model.addAttribute("usedBy", ReferenceBrowser.usedBy(t));
        Map<String, String> columnLabels = new HashMap<>();
        t.columns().forEach(c -> columnLabels.put(c.json(), ReferenceForm.label(c.json())));
        model.addAttribute("columnLabels", columnLabels);
        model.addAttribute("page", page);
        model.addAttribute("state", state);
        model.addAttribute("firstPage", cursor == null);
        model.addAttribute("sizes", SIZES);
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        if (htmx != null && restore == null) {
            response.setHeader("HX-Push-Url", cursor == null ? state.url(null) : state.url(cursor));
            return "inventory/reference-list :: results";
        }
        model.addAttribute("empty", page.items().isEmpty() && query == null && cursor == null);
        return "inventory/reference-list";
    }

    @GetMapping("/inventory/" + KINDS + "/new")
    String newRow(@PathVariable String kind, Model model) {
        PageAccess.requireWriter();
        ReferenceTable t = table(kind);
        return form(model, t, null, ReferenceForm.values(t, defaults(t)), Map.of());
    }

    @PostMapping("/inventory/" + KINDS + "/new")
    String create(@PathVariable String kind, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        PageAccess.requireWriter();
        ReferenceTable t = table(kind);
        Map<String, String> values = ReferenceForm.values(t, params);
        try {
            Map<String, Object> created = data.create(t, ReferenceForm.body(t, values));
            redirect.addFlashAttribute("notice", t.label() + " " + created.get("name") + " created.");
            return t == ReferenceTable.CATEGORIES ? "redirect:/inventory/categories/" + created.get("id") + "/edit"
                    : "redirect:/inventory/" + t.path();
        } catch (ProblemException e) {
            return rejected(e, model, t, null, values, response);
        }
    }

    @GetMapping("/inventory/" + KINDS + "/{id}/edit")
    String edit(@PathVariable String kind, @PathVariable UUID id, Model model) {
        PageAccess.requireWriter();
        ReferenceTable t = table(kind);
        ReferenceBrowser.Row row = browser.get(t, id);
        return form(model, t, row, ReferenceForm.of(t, row.fields()), Map.of());
    }

    @PostMapping("/inventory/" + KINDS + "/{id}/edit")
    String update(@PathVariable String kind, @PathVariable UUID id, @RequestParam Map<String, String> params,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PageAccess.requireWriter();
        ReferenceTable t = table(kind);
        ReferenceBrowser.Row row = browser.get(t, id);
        Map<String, String> values = ReferenceForm.values(t, params);
        try {
            data.update(t, id, ReferenceForm.body(t, values));
            redirect.addFlashAttribute("notice", "Changes to " + values.get("name") + " saved.");
            return "redirect:/inventory/" + t.path();
        } catch (ProblemException e) {
            return rejected(e, model, t, row, values, response);
        }
    }

    @PostMapping("/inventory/" + KINDS + "/{id}/delete")
    String delete(@PathVariable String kind, @PathVariable UUID id, RedirectAttributes redirect) {
        PageAccess.requireWriter();
        ReferenceTable t = table(kind);
        ReferenceBrowser.Row row = browser.get(t, id);
        if (row.used() > 0) {
            redirect.addFlashAttribute("error", "“" + row.name() + "” is still used by " + row.used() + " "
                    + (row.used() == 1 ? singular(ReferenceBrowser.usedBy(t)) : ReferenceBrowser.usedBy(t))
                    + ". Give " + (row.used() == 1 ? "it" : "them") + " another " + t.label().toLowerCase()
                    + " first, then delete it.");
            return "redirect:/inventory/" + t.path();
        }
        try {
            data.delete(t, id);
            redirect.addFlashAttribute("notice", t.label() + " “" + row.name() + "” deleted.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", "“" + row.name() + "” cannot be deleted: " + inUse(t) + ".");
        }
        return "redirect:/inventory/" + t.path();
    }

    // ---- custom fields of a category

    @PostMapping("/inventory/categories/{id}/fields")
    String addField(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        PageAccess.requireWriter();
        ReferenceBrowser.Row row = browser.get(ReferenceTable.CATEGORIES, id);
        try {
            CustomFields.Definition d = customFields.define(id, fieldBody(params, true));
            redirect.addFlashAttribute("notice", "Field “" + d.label() + "” added.");
            return "redirect:/inventory/categories/" + id + "/edit";
        } catch (ProblemException e) {
            response.setStatus(e.status().value() == 409 ? 409 : 422);
            model.addAttribute("fieldForm", params);
            model.addAttribute("fieldFormErrors", AssetForm.fieldErrors(e));
            model.addAttribute("fieldError", e.getMessage());
            return form(model, ReferenceTable.CATEGORIES, row, ReferenceForm.of(ReferenceTable.CATEGORIES, row.fields()),
                    Map.of());
        }
    }

    @GetMapping("/inventory/categories/{id}/fields/{fieldId}")
    String editField(@PathVariable UUID id, @PathVariable UUID fieldId, Model model) {
        PageAccess.requireWriter();
        ReferenceBrowser.Row row = browser.get(ReferenceTable.CATEGORIES, id);
        CustomFields.Definition d = definition(id, fieldId);
        Map<String, String> values = new HashMap<>();
        values.put("label", d.label());
        values.put("pattern", d.pattern() == null ? "" : d.pattern());
        values.put("options", String.join("\n", d.options()));
        values.put("required", d.required() ? "true" : "");
        values.put("position", String.valueOf(d.position()));
        return fieldForm(model, row, d, values, Map.of());
    }

    @PostMapping("/inventory/categories/{id}/fields/{fieldId}")
    String changeField(@PathVariable UUID id, @PathVariable UUID fieldId, @RequestParam Map<String, String> params,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PageAccess.requireWriter();
        ReferenceBrowser.Row row = browser.get(ReferenceTable.CATEGORIES, id);
        CustomFields.Definition d = definition(id, fieldId);
        try {
            customFields.change(id, fieldId, fieldBody(params, false));
            redirect.addFlashAttribute("notice", "Field “" + params.getOrDefault("label", d.label()) + "” saved.");
            return "redirect:/inventory/categories/" + id + "/edit";
        } catch (ProblemException e) {
            response.setStatus(422);
            return fieldForm(model, row, d, params, AssetForm.fieldErrors(e));
        }
    }

    @PostMapping("/inventory/categories/{id}/fields/{fieldId}/delete")
    String removeField(@PathVariable UUID id, @PathVariable UUID fieldId, RedirectAttributes redirect) {
        PageAccess.requireWriter();
        CustomFields.Definition d = definition(id, fieldId);
        customFields.remove(id, fieldId);
        redirect.addFlashAttribute("notice", "Field “" + d.label() + "” removed. Values already stored stay on the "
                + "assets until they are next edited.");
        return "redirect:/inventory/categories/" + id + "/edit";
    }

    private CustomFields.Definition definition(UUID categoryId, UUID fieldId) {
        return customFields.of(categoryId).stream().filter(f -> f.id().equals(fieldId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Custom field"));
    }

    private static Map<String, Object> fieldBody(Map<String, String> params, boolean creating) {
        Map<String, Object> body = new HashMap<>();
        if (creating) {
            body.put("key", params.getOrDefault("key", "").strip());
            body.put("type", params.getOrDefault("type", "").strip());
        }
        body.put("label", params.getOrDefault("label", "").strip());
        body.put("pattern", params.getOrDefault("pattern", "").strip());
        body.put("required", "true".equals(params.get("required")));
        body.put("options", params.getOrDefault("options", "").lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        String position = params.getOrDefault("position", "").strip();
        if (!position.isEmpty()) {
            try {
                body.put("position", Integer.valueOf(position));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("position", "must be a whole number");
            }
        }
        return body;
    }

    private String fieldForm(Model model, ReferenceBrowser.Row category, CustomFields.Definition d,
            Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("category", category);
        model.addAttribute("field", d);
        model.addAttribute("form", values);
        model.addAttribute("fieldErrors", errors);
        return "inventory/custom-field-form";
    }

    // ---- helpers

    private String rejected(ProblemException e, Model model, ReferenceTable t, ReferenceBrowser.@Nullable Row row,
            Map<String, String> values, HttpServletResponse response) {
        if (e.status().value() != 422 && e.status().value() != 409) {
            throw e;
        }
        response.setStatus(e.status().value());
        Map<String, String> errors = AssetForm.fieldErrors(e);
        if (errors.isEmpty() && e.status().value() == 409 && e.getMessage().contains("name already exists")) {
            errors = Map.of("name", "is already taken by another " + t.label().toLowerCase());
        }
        model.addAttribute("error", errors.isEmpty() ? e.getMessage() : "Please correct the fields marked below.");
        return form(model, t, row, values, errors);
    }

    private String form(Model model, ReferenceTable t, ReferenceBrowser.@Nullable Row row, Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("t", t);
        model.addAttribute("heading", title(t));
        model.addAttribute("row", row);
        model.addAttribute("form", values);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("inputs", ReferenceForm.inputs(t));
        Map<String, List<ReferenceOptions.Option>> choices = new HashMap<>();
        for (ReferenceTable.Column c : t.columns()) {
            if (c.kind() == ReferenceTable.Column.Kind.REF) {
                choices.put(c.json(), browser.choices(c, row == null ? null : row.id()));
            }
        }
        model.addAttribute("choices", choices);
        if (t == ReferenceTable.CATEGORIES && row != null) {
            model.addAttribute("definitions", customFields.of(row.id()));
            model.addAttribute("types", CustomFields.Type.values());
            if (!model.containsAttribute("fieldForm")) {
                model.addAttribute("fieldForm", Map.of());
                model.addAttribute("fieldFormErrors", Map.of());
            }
        }
        return "inventory/reference-form";
    }

    private static Map<String, String> defaults(ReferenceTable t) {
        return t == ReferenceTable.STATUS_LABELS ? Map.of("kind", "DEPLOYABLE") : Map.of();
    }

    static ReferenceTable table(String kind) {
        return ReferenceTable.byPath(kind).orElseThrow(() -> ProblemException.notFound("Page"));
    }

    static String title(ReferenceTable t) {
        return switch (t) {
            case CATEGORIES -> "Categories";
            case MANUFACTURERS -> "Manufacturers";
            case MODELS -> "Models";
            case LOCATIONS -> "Locations";
            case STATUS_LABELS -> "Status labels";
            case PEOPLE -> "People";
            case DEPARTMENTS -> "Departments";
        };
    }

    private static String inUse(ReferenceTable t) {
        return switch (t) {
            case CATEGORIES, MANUFACTURERS -> "models still belong to it; change or delete those models first";
            case LOCATIONS -> "other locations lie inside it; move them first";
            default -> "it is still in use";
        };
    }

    private static String singular(String what) {
        return what.equals("people") ? "person" : "asset";
    }

    /** The list's search, sort and page size, and the links that change one of them. */
    public record State(String path, @Nullable String q, String sort, int size) {

        public String url(@Nullable String after) {
            StringJoiner params = new StringJoiner("&");
            if (q != null) {
                params.add("q=" + enc(q));
            }
            if (!sort.equals("name")) {
                params.add("sort=" + enc(sort));
            }
            if (size != 50) {
                params.add("size=" + size);
            }
            if (after != null) {
                params.add("after=" + enc(after));
            }
            return "/inventory/" + path + (params.length() == 0 ? "" : "?" + params);
        }

        public String sortedBy(String field) {
            String wanted = sort.equals(field) ? "-" + field : sort.equals("-" + field) ? field
                    : field.equals("createdAt") ? "-createdAt" : field;
            return new State(path, q, wanted, size).url(null);
        }

        public String ariaSort(String field) {
            return sort.equals(field) ? "ascending" : sort.equals("-" + field) ? "descending" : "none";
        }

        public String arrow(String field) {
            return sort.equals(field) ? "▲" : sort.equals("-" + field) ? "▼" : "";
        }

        private static String enc(String v) {
            return URLEncoder.encode(v, StandardCharsets.UTF_8);
        }
    }
}
