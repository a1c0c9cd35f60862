package dev.holdfast.procurement.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.inventory.InventoryLookup;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.procurement.domain.ContractView;
import dev.holdfast.procurement.domain.Contracts;
import dev.holdfast.procurement.domain.Licenses;
import dev.holdfast.procurement.domain.ListQuery;
import dev.holdfast.procurement.domain.Page;
import dev.holdfast.procurement.domain.Vendors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /contracts}: list (search, ending within 30/60/90 days), details with covered assets and licences, forms. */
@Controller
class ContractPages {

    private final Contracts contracts;
    private final Vendors vendors;
    private final Licenses licenses;
    private final InventoryLookup inventory;

    ContractPages(Contracts contracts, Vendors vendors, Licenses licenses, InventoryLookup inventory) {
        this.contracts = contracts;
        this.vendors = vendors;
        this.licenses = licenses;
        this.inventory = inventory;
    }

    private List<FormField> fields() {
        return List.of(
                FormField.select("vendorId", "Vendor", true, vendors.choices()),
                FormField.required("title", "Title", "text"),
                FormField.of("number", "Contract number", "text"),
                FormField.of("startsOn", "Starts on", "date"),
                FormField.of("endsOn", "Ends on", "date"),
                FormField.of("renewalOn", "Renewal date", "date").help("When it renews (if different from the end)."),
                FormField.of("noticeDays", "Notice period (days)", "number"),
                FormField.of("autoRenew", "Renews automatically", "checkbox"),
                FormField.of("value", "Value", "number"),
                FormField.of("currency", "Currency", "text").help("ISO code, e.g. EUR"),
                FormField.of("notes", "Notes", "textarea"));
    }

    @GetMapping("/contracts")
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String expiring,
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        Integer within = Links.window(expiring);
        Map<String, @Nullable String> params = Links.params("q", Links.blank(q), "expiring",
                within == null ? null : within.toString());
        Page<ContractView> page;
        try {
            page = contracts.list(new ListQuery(Links.blank(q), "title", ListQuery.DEFAULT_SIZE, after), null, within);
        } catch (ProblemException e) {
            page = contracts.list(new ListQuery(Links.blank(q), "title", ListQuery.DEFAULT_SIZE, null), null, within);
            after = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("q", Links.blank(q));
        model.addAttribute("expiring", within == null ? "" : within.toString());
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("firstUrl", Links.url("/contracts", params));
        params.put("after", page.next());
        model.addAttribute("nextUrl", Links.url("/contracts", params));
        boolean empty = page.items().isEmpty() && q == null && within == null && (after == null || after.isBlank());
        model.addAttribute("empty", empty);
        model.addAttribute("noVendors", empty && vendors.choices().isEmpty());
        response.addHeader("Vary", "HX-Request");
        return htmx != null ? "procurement/contracts :: results" : "procurement/contracts";
    }

    @GetMapping("/contracts/new")
    String newContract(@RequestParam(required = false) @Nullable String vendorId, Model model) {
        Roles.requireManager();
        Map<String, String> values = Forms.values(fields(), vendorId == null ? Map.of() : Map.of("vendorId", vendorId));
        return Forms.show(model, "New contract", "/contracts/new", "/contracts", "Create contract", fields(), values);
    }

    @PostMapping("/contracts/new")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Roles.requireManager();
        List<FormField> fields = fields();
        Map<String, String> values = Forms.values(fields, params);
        Forms.show(model, "New contract", "/contracts/new", "/contracts", "Create contract", fields, values);
        try {
            ContractView created = contracts.create(Forms.body(fields, values, true));
            redirect.addFlashAttribute("notice", "Contract " + created.title() + " created.");
            return "redirect:/contracts/" + created.id();
        } catch (ProblemException e) {
            return Forms.rejected(e, model, response);
        }
    }

    @GetMapping("/contracts/{id}")
    String show(@PathVariable UUID id, Model model) {
        ContractView contract = contracts.get(id);
        model.addAttribute("contract", contract);
        model.addAttribute("assets", inventory.assets(contract.assetIds()));
        model.addAttribute("licenses", licenses.list(new ListQuery(null, "product", 200, null), null, id, null, false)
                .items());
        if (Roles.isManager()) {
            model.addAttribute("assetChoices", inventory.findAssets(null, 500));
        }
        return "procurement/contract";
    }

    @GetMapping("/contracts/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Roles.requireManager();
        ContractView c = contracts.get(id);
        return Forms.show(model, "Edit " + c.title(), "/contracts/" + id + "/edit", "/contracts/" + id, "Save changes",
                fields(), values(c));
    }

    @PostMapping("/contracts/{id}/edit")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Roles.requireManager();
        ContractView c = contracts.get(id);
        List<FormField> fields = fields();
        Map<String, String> values = Forms.values(fields, params);
        Forms.show(model, "Edit " + c.title(), "/contracts/" + id + "/edit", "/contracts/" + id, "Save changes", fields,
                values);
        try {
            contracts.update(id, Forms.body(fields, values, false));
            redirect.addFlashAttribute("notice", "Changes saved.");
            return "redirect:/contracts/" + id;
        } catch (ProblemException e) {
            return Forms.rejected(e, model, response);
        }
    }

    /** Adds ({@code add}) or removes ({@code remove}) one covered asset. */
    @PostMapping("/contracts/{id}/assets")
    String assets(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID add,
            @RequestParam(required = false) @Nullable UUID remove, RedirectAttributes redirect) {
        Roles.requireManager();
        ContractView c = contracts.get(id);
        List<String> ids = new ArrayList<>(c.assetIds().stream().map(UUID::toString).toList());
        if (add != null && !ids.contains(add.toString())) {
            ids.add(add.toString());
        }
        if (remove != null) {
            ids.remove(remove.toString());
        }
        try {
            contracts.update(id, Map.of("assetIds", ids));
            redirect.addFlashAttribute("notice", add != null ? "Asset added to the contract." : "Asset removed.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/contracts/" + id;
    }

    @PostMapping("/contracts/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Roles.requireManager();
        ContractView c = contracts.get(id);
        contracts.delete(id);
        redirect.addFlashAttribute("notice", "Contract " + c.title() + " deleted.");
        return "redirect:/contracts";
    }

    private static Map<String, String> values(ContractView c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("vendorId", c.vendorId().toString());
        m.put("title", c.title());
        m.put("number", VendorPages.s(c.number()));
        m.put("startsOn", VendorPages.s(c.startsOn()));
        m.put("endsOn", VendorPages.s(c.endsOn()));
        m.put("renewalOn", VendorPages.s(c.renewalOn()));
        m.put("noticeDays", VendorPages.s(c.noticeDays()));
        m.put("autoRenew", String.valueOf(c.autoRenew()));
        m.put("value", c.value() == null ? "" : c.value().toPlainString());
        m.put("currency", VendorPages.s(c.currency()));
        m.put("notes", VendorPages.s(c.notes()));
        return m;
    }
}
