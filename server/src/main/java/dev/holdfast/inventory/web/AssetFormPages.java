package dev.holdfast.inventory.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.inventory.domain.AssetChanges;
import dev.holdfast.inventory.domain.AssetView;
import dev.holdfast.inventory.domain.Assets;
import dev.holdfast.inventory.domain.CustomFields;
import dev.holdfast.inventory.domain.ReferenceOptions;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /assets/new} and {@code /assets/{id}/edit} (Manager and up): every writable field; the domain's field
 * errors (422, 409) are shown next to their inputs with what was typed kept.
 */
@Controller
class AssetFormPages {

    private final Assets assets;
    private final ReferenceOptions options;
    private final CustomFields customFields;

    AssetFormPages(Assets assets, ReferenceOptions options, CustomFields customFields) {
        this.assets = assets;
        this.options = options;
        this.customFields = customFields;
    }

    /**
     * The custom field inputs of the category typed or chosen on the form (htmx swaps them in when the category
     * changes; values already typed into inputs of the same key are kept).
     */
    @GetMapping("/assets/custom-fields")
    String customFieldInputs(@RequestParam Map<String, String> params, Model model) {
        PageAccess.requireWriter();
        model.addAttribute("form", AssetForm.values(params));
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("customFields", customFields.ofCategory(params.get("category")));
        return "inventory/custom-fields :: inputs";
    }

    @GetMapping("/assets/new")
    String newAsset(Model model) {
        PageAccess.requireWriter();
        return form(model, null, AssetForm.values(Map.of()));
    }

    @PostMapping("/assets/new")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        PageAccess.requireWriter();
        Map<String, String> values = AssetForm.values(params);
        try {
            AssetView created = assets.create(AssetChanges.from(body(values, true), true));
            redirect.addFlashAttribute("notice", "Asset " + created.assetTag() + " created.");
            return "redirect:/assets/" + created.id();
        } catch (ProblemException e) {
            return rejected(e, model, null, values, response);
        }
    }

    @GetMapping("/assets/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        PageAccess.requireWriter();
        AssetView asset = assets.get(id);
        return form(model, asset, AssetForm.of(asset));
    }

    @PostMapping("/assets/{id}/edit")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        PageAccess.requireWriter();
        AssetView asset = assets.get(id);
        Map<String, String> values = AssetForm.values(params);
        try {
            assets.update(id, AssetChanges.from(body(values, false), false));
            redirect.addFlashAttribute("notice", "Changes saved.");
            return "redirect:/assets/" + id;
        } catch (ProblemException e) {
            return rejected(e, model, asset, values, response);
        }
    }

    /** The request body of the form, with the custom fields of the category chosen on it. */
    private Map<String, @Nullable Object> body(Map<String, String> values, boolean creating) {
        Map<String, @Nullable Object> body = AssetForm.body(values, creating);
        Map<String, @Nullable Object> custom = AssetForm.customFields(values,
                customFields.ofCategory(values.get("category")), creating);
        if (custom != null) {
            body.put("customFields", custom);
        }
        return body;
    }

    private String rejected(ProblemException e, Model model, @Nullable AssetView asset, Map<String, String> values,
            HttpServletResponse response) {
        if (e.status().value() != 422 && e.status().value() != 409) {
            throw e;
        }
        response.setStatus(e.status().value());
        Map<String, String> errors = AssetForm.fieldErrors(e);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("error", errors.isEmpty() ? e.getMessage() : "Please correct the fields marked below.");
        return form(model, asset, values);
    }

    private String form(Model model, @Nullable AssetView asset, Map<String, String> values) {
        model.addAttribute("asset", asset);
        model.addAttribute("form", values);
        model.addAttribute("choices", options.all());
        model.addAttribute("customFields", customFields.ofCategory(values.get("category")));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "inventory/asset-form";
    }
}
