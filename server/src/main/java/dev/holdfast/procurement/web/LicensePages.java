package dev.holdfast.procurement.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.inventory.InventoryLookup;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.procurement.domain.Contracts;
import dev.holdfast.procurement.domain.LicenseView;
import dev.holdfast.procurement.domain.Licenses;
import dev.holdfast.procurement.domain.ListQuery;
import dev.holdfast.procurement.domain.Page;
import dev.holdfast.procurement.domain.ProcurementSettings;
import dev.holdfast.procurement.domain.Seats;
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

/**
 * {@code /licenses}: list (search, expiring within 30/60/90 days, over-allocated; the over-allocation setting for
 * Admins), details with seats (assign to a person or an asset, release), forms. Keys only for Managers and up.
 */
@Controller
class LicensePages {

    static final int PICKER_SIZE = 500;

    private final Licenses licenses;
    private final Seats seats;
    private final Vendors vendors;
    private final Contracts contracts;
    private final ProcurementSettings settings;
    private final InventoryLookup inventory;

    LicensePages(Licenses licenses, Seats seats, Vendors vendors, Contracts contracts, ProcurementSettings settings,
            InventoryLookup inventory) {
        this.licenses = licenses;
        this.seats = seats;
        this.vendors = vendors;
        this.contracts = contracts;
        this.settings = settings;
        this.inventory = inventory;
    }

    private List<FormField> fields(boolean creating) {
        return List.of(
                FormField.required("product", "Product", "text"),
                FormField.select("vendorId", "Vendor", false, vendors.choices()),
                FormField.select("contractId", "Contract", false, contracts.choices()),
                FormField.required("seats", "Seats", "number"),
                creating ? FormField.of("licenseKey", "Licence key", "password")
                        : FormField.of("licenseKey", "Licence key", "password").help("Leave empty to keep the current key."),
                FormField.of("purchaseDate", "Purchase date", "date"),
                FormField.of("purchaseCost", "Purchase cost", "number"),
                FormField.of("expiresOn", "Expires on", "date"),
                FormField.of("notes", "Notes", "textarea"));
    }

    @GetMapping("/licenses")
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String expiring,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        Integer within = Links.window(expiring);
        boolean over = "over".equals(filter);
        Map<String, @Nullable String> params = Links.params("q", Links.blank(q), "expiring",
                within == null ? null : within.toString(), "filter", over ? "over" : null);
        Page<LicenseView> page;
        try {
            page = licenses.list(new ListQuery(Links.blank(q), "product", ListQuery.DEFAULT_SIZE, after), null, null,
                    within, over);
        } catch (ProblemException e) {
            page = licenses.list(new ListQuery(Links.blank(q), "product", ListQuery.DEFAULT_SIZE, null), null, null,
                    within, over);
            after = null;
        }
        model.addAttribute("page", page);
        model.addAttribute("q", Links.blank(q));
        model.addAttribute("expiring", within == null ? "" : within.toString());
        model.addAttribute("filter", over ? "over" : "");
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("firstUrl", Links.url("/licenses", params));
        params.put("after", page.next());
        model.addAttribute("nextUrl", Links.url("/licenses", params));
        model.addAttribute("empty", page.items().isEmpty() && q == null && within == null && !over
                && (after == null || after.isBlank()));
        model.addAttribute("settings", settings.current());
        response.addHeader("Vary", "HX-Request");
        return htmx != null ? "procurement/licenses :: results" : "procurement/licenses";
    }

    /** The company's over-allocation setting (Admins and Owners). */
    @PostMapping("/licenses/settings")
    String settings(@RequestParam(defaultValue = "false") boolean allowOverAllocation, RedirectAttributes redirect) {
        Roles.requireAdmin();
        settings.update(Map.of("allowOverAllocation", allowOverAllocation));
        redirect.addFlashAttribute("notice", allowOverAllocation
                ? "Licences may now have more seats assigned than bought; such licences are flagged."
                : "Licences can no longer have more seats assigned than bought.");
        return "redirect:/licenses";
    }

    @GetMapping("/licenses/new")
    String newLicense(@RequestParam(required = false) @Nullable String vendorId, Model model) {
        Roles.requireManager();
        Map<String, String> values = Forms.values(fields(true), vendorId == null ? Map.of() : Map.of("vendorId", vendorId));
        return Forms.show(model, "New licence", "/licenses/new", "/licenses", "Create licence", fields(true), values);
    }

    @PostMapping("/licenses/new")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Roles.requireManager();
        List<FormField> fields = fields(true);
        Map<String, String> values = Forms.values(fields, params);
        Forms.show(model, "New licence", "/licenses/new", "/licenses", "Create licence", fields, withoutKey(values));
        try {
            LicenseView created = licenses.create(Forms.body(fields, values, true));
            redirect.addFlashAttribute("notice", "Licence " + created.product() + " created.");
            return "redirect:/licenses/" + created.id();
        } catch (ProblemException e) {
            return Forms.rejected(e, model, response);
        }
    }

    @GetMapping("/licenses/{id}")
    String show(@PathVariable UUID id, Model model) {
        LicenseView license = licenses.get(id);
        model.addAttribute("license", Roles.isManager() ? license : license.masked());
        model.addAttribute("seats", seats.list(id));
        if (Roles.isManager()) {
            model.addAttribute("people", inventory.findPeople(null, PICKER_SIZE));
            model.addAttribute("assets", inventory.findAssets(null, PICKER_SIZE));
        }
        model.addAttribute("settings", settings.current());
        return "procurement/license";
    }

    @GetMapping("/licenses/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Roles.requireManager();
        LicenseView l = licenses.get(id);
        return Forms.show(model, "Edit " + l.product(), "/licenses/" + id + "/edit", "/licenses/" + id, "Save changes",
                fields(false), values(l));
    }

    @PostMapping("/licenses/{id}/edit")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Roles.requireManager();
        LicenseView l = licenses.get(id);
        List<FormField> fields = fields(false);
        Map<String, String> values = Forms.values(fields, params);
        Forms.show(model, "Edit " + l.product(), "/licenses/" + id + "/edit", "/licenses/" + id, "Save changes", fields,
                withoutKey(values));
        try {
            licenses.update(id, Forms.body(fields, values, false));
            redirect.addFlashAttribute("notice", "Changes saved.");
            return "redirect:/licenses/" + id;
        } catch (ProblemException e) {
            return Forms.rejected(e, model, response);
        }
    }

    @PostMapping("/licenses/{id}/seats")
    String assign(@PathVariable UUID id, @RequestParam(required = false) @Nullable String personId,
            @RequestParam(required = false) @Nullable String assetId, RedirectAttributes redirect) {
        Roles.requireManager();
        Map<String, Object> body = new HashMap<>();
        if (personId != null && !personId.isBlank()) {
            body.put("personId", personId);
        }
        if (assetId != null && !assetId.isBlank()) {
            body.put("assetId", assetId);
        }
        try {
            var seat = seats.assign(id, body);
            redirect.addFlashAttribute("notice", "Seat assigned to "
                    + (seat.personName() != null ? seat.personName() : seat.assetName()) + ".");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/licenses/" + id;
    }

    @PostMapping("/licenses/{id}/seats/{seatId}/release")
    String release(@PathVariable UUID id, @PathVariable UUID seatId, RedirectAttributes redirect) {
        Roles.requireManager();
        seats.release(id, seatId);
        redirect.addFlashAttribute("notice", "Seat released.");
        return "redirect:/licenses/" + id;
    }

    @PostMapping("/licenses/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Roles.requireManager();
        LicenseView l = licenses.get(id);
        licenses.delete(id);
        redirect.addFlashAttribute("notice", "Licence " + l.product() + " deleted.");
        return "redirect:/licenses";
    }

    /** A typed key is never sent back into the page (a form shown again asks for it again). */
    private static Map<String, String> withoutKey(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put("licenseKey", "");
        return copy;
    }

    private static Map<String, String> values(LicenseView l) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("product", l.product());
        m.put("vendorId", VendorPages.s(l.vendorId()));
        m.put("contractId", VendorPages.s(l.contractId()));
        m.put("seats", String.valueOf(l.seats()));
        m.put("licenseKey", "");
        m.put("purchaseDate", VendorPages.s(l.purchaseDate()));
        m.put("purchaseCost", l.purchaseCost() == null ? "" : l.purchaseCost().toPlainString());
        m.put("expiresOn", VendorPages.s(l.expiresOn()));
        m.put("notes", VendorPages.s(l.notes()));
        return m;
    }
}
