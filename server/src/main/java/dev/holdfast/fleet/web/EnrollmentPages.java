package dev.holdfast.fleet.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.fleet.domain.EnrollmentCodes;
import dev.holdfast.fleet.domain.FleetSettings;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /devices/enrollment} (Admins and Owners): the codes that can still be used, a form to create one — shown
 * once, with its QR code — revoking, and the BLE filter collectors get.
 */
@Controller
class EnrollmentPages {

    private final EnrollmentCodes codes;
    private final FleetSettings settings;
    private final AccountsProperties accounts;

    EnrollmentPages(EnrollmentCodes codes, FleetSettings settings, AccountsProperties accounts) {
        this.codes = codes;
        this.settings = settings;
        this.accounts = accounts;
    }

    @GetMapping("/devices/enrollment")
    String page(Model model) {
        AdminOnly.check();
        model.addAttribute("codes", codes.list(true, null, 200));
        model.addAttribute("bleFilter", settings.bleFilter());
        model.addAttribute("serverUrl", accounts.link(""));
        return "fleet/enrollment";
    }

    @PostMapping("/devices/enrollment")
    String create(@RequestParam(required = false) @Nullable String ttlMinutes,
            @RequestParam(required = false) @Nullable String maxUses, Model model, HttpServletResponse response) {
        AdminOnly.check();
        try {
            EnrollmentCodes.Created created = codes.create(number("ttlMinutes", ttlMinutes),
                    number("maxUses", maxUses), AdminOnly.userId());
            model.addAttribute("created", created);
            model.addAttribute("qr", EnrollmentQrCode.pngDataUri(EnrollmentQrCode.content(accounts.link(""),
                    created.code())));
            response.setHeader("Cache-Control", "no-store");
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            reject(model, e);
        }
        return page(model);
    }

    @PostMapping("/devices/enrollment/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        AdminOnly.check();
        codes.revoke(id);
        redirect.addFlashAttribute("notice", "Enrollment code revoked.");
        return "redirect:/devices/enrollment";
    }

    /** Families as checkboxes, iBeacon UUIDs one per line. */
    @PostMapping("/devices/enrollment/filter")
    String filter(@RequestParam(required = false) @Nullable List<String> families,
            @RequestParam(defaultValue = "") String ibeaconUuids, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        AdminOnly.check();
        try {
            settings.update(families, ibeaconUuids.lines().map(String::trim).filter(s -> !s.isEmpty()).toList());
            redirect.addFlashAttribute("notice", "BLE filter saved.");
            return "redirect:/devices/enrollment";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            reject(model, e);
            return page(model);
        }
    }

    private static @Nullable Integer number(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }

    static void reject(Model model, ProblemException e) {
        Map<String, String> fieldErrors = new HashMap<>();
        e.errors().forEach(f -> fieldErrors.put(f.field(), f.message()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("error", e.status() == HttpStatus.UNPROCESSABLE_CONTENT ? "Please correct the marked field."
                : e.getMessage());
    }
}
