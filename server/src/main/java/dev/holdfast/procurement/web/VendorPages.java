package dev.holdfast.procurement.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.procurement.domain.Contracts;
import dev.holdfast.procurement.domain.Licenses;
import dev.holdfast.procurement.domain.ListQuery;
import dev.holdfast.procurement.domain.Page;
import dev.holdfast.procurement.domain.VendorView;
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

/** {@code /vendors}: list with search and "audit overdue", details with contracts, licences and audits, forms. */
@Controller
class VendorPages {

    static final List<FormField> FIELDS = List.of(
            FormField.required("name", "Name", "text"),
            FormField.of("contactName", "Contact person", "text"),
            FormField.of("email", "E-mail", "email"),
            FormField.of("phone", "Phone", "text"),
            FormField.of("website", "Website", "url").help("https://…"),
            FormField.of("address", "Address", "textarea"),
            FormField.of("auditCadenceMonths", "Audit every (months)", "number")
                    .help("Leave empty when this vendor is not audited."),
            FormField.of("lastAuditOn", "Last audit", "date"),
            FormField.of("notes", "Notes", "textarea"));

    private final Vendors vendors;
    private final Contracts contracts;
    private final Licenses licenses;

    VendorPages(Vendors vendors, Contracts contracts, Licenses licenses) {
        this.vendors = vendors;
        this.contracts = contracts;
        this.licenses = licenses;
    }

    @GetMapping("/vendors")
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        boolean overdue = "overdue".equals(filter);
        Map<String, @Nullable String> params = Links.params("q", Links.blank(q), "filter", overdue ? "overdue" : null);
        Page<VendorView> page;
        try {
            page = vendors.list(new ListQuery(Links.blank(q), "name", ListQuery.DEFAULT_SIZE, after), overdue);
        } catch (ProblemException e) { // a stale cursor: first page
            page = vendors.list(new ListQuery(Links.blank(q), "name", ListQuery.DEFAULT_SIZE, null), overdue);
            after = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("q", Links.blank(q));
        model.addAttribute("filter", overdue ? "overdue" : "");
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("firstUrl", Links.url("/vendors", params));
        params.put("after", page.next());
        model.addAttribute("nextUrl", Links.url("/vendors", params));
        model.addAttribute("empty", page.items().isEmpty() && q == null && !overdue && (after == null || after.isBlank()));
        response.addHeader("Vary", "HX-Request");
        return htmx != null ? "procurement/vendors :: results" : "procurement/vendors";
    }

    @GetMapping("/vendors/new")
    String newVendor(Model model) {
        Roles.requireManager();
        return Forms.show(model, "New vendor", "/vendors/new", "/vendors", "Create vendor", FIELDS, Forms.values(FIELDS, Map.of()));
    }

    @PostMapping("/vendors/new")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Roles.requireManager();
        Map<String, String> values = Forms.values(FIELDS, params);
        Forms.show(model, "New vendor", "/vendors/new", "/vendors", "Create vendor", FIELDS, values);
        try {
            VendorView created = vendors.create(Forms.body(FIELDS, values, true));
            redirect.addFlashAttribute("notice", "Vendor " + created.name() + " created.");
            return "redirect:/vendors/" + created.id();
        } catch (ProblemException e) {
            return Forms.rejected(e, model, response);
        }
    }

    @GetMapping("/vendors/{id}")
    String show(@PathVariable UUID id, Model model) {
        VendorView vendor = vendors.get(id);
        model.addAttribute("vendor", vendor);
        model.addAttribute("contracts", contracts.list(new ListQuery(null, "title", 200, null), id, null).items());
        model.addAttribute("licenses", licenses.list(new ListQuery(null, "product", 200, null), id, null, null, false)
                .items());
        model.addAttribute("audits", vendors.audits(id));
        model.addAttribute("results", Vendors.AUDIT_RESULTS);
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        return "procurement/vendor";
    }

    @GetMapping("/vendors/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Roles.requireManager();
        VendorView v = vendors.get(id);
        return Forms.show(model, "Edit " + v.name(), "/vendors/" + id + "/edit", "/vendors/" + id, "Save changes",
                FIELDS, values(v));
    }

    @PostMapping("/vendors/{id}/edit")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Roles.requireManager();
        VendorView v = vendors.get(id);
        Map<String, String> values = Forms.values(FIELDS, params);
        Forms.show(model, "Edit " + v.name(), "/vendors/" + id + "/edit", "/vendors/" + id, "Save changes", FIELDS, values);
        try {
            vendors.update(id, Forms.body(FIELDS, values, false));
            redirect.addFlashAttribute("notice", "Changes saved.");
            return "redirect:/vendors/" + id;
        } catch (ProblemException e) {
            return Forms.rejected(e, model, response);
        }
    }

    @PostMapping("/vendors/{id}/audits")
    String recordAudit(@PathVariable UUID id, @RequestParam(defaultValue = "") String auditedOn,
            @RequestParam(defaultValue = "") String result, @RequestParam(defaultValue = "") String notes,
            RedirectAttributes redirect) {
        Roles.requireManager();
        Map<String, Object> body = new java.util.HashMap<>();
        if (!auditedOn.isBlank()) {
            body.put("auditedOn", auditedOn);
        }
        body.put("result", result);
        if (!notes.isBlank()) {
            body.put("notes", notes);
        }
        try {
            VendorView v = vendors.recordAudit(id, body);
            redirect.addFlashAttribute("notice", "Audit recorded." + (v.nextAuditDue() != null
                    ? " Next audit due on " + v.nextAuditDue() + "." : ""));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", "The audit was not recorded: " + e.getMessage());
        }
        return "redirect:/vendors/" + id;
    }

    @PostMapping("/vendors/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Roles.requireManager();
        VendorView v = vendors.get(id);
        try {
            vendors.delete(id);
            redirect.addFlashAttribute("notice", "Vendor " + v.name() + " deleted.");
            return "redirect:/vendors";
        } catch (ProblemException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/vendors/" + id;
        }
    }

    private static Map<String, String> values(VendorView v) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("name", v.name());
        m.put("contactName", s(v.contactName()));
        m.put("email", s(v.email()));
        m.put("phone", s(v.phone()));
        m.put("website", s(v.website()));
        m.put("address", s(v.address()));
        m.put("auditCadenceMonths", s(v.auditCadenceMonths()));
        m.put("lastAuditOn", s(v.lastAuditOn()));
        m.put("notes", s(v.notes()));
        return m;
    }

    static String s(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }
}
