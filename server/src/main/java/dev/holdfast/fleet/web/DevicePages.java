package dev.holdfast.fleet.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.platform.TimeCursor;
import dev.holdfast.fleet.domain.DeviceRegistry;
import dev.holdfast.fleet.domain.DeviceView;
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
 * {@code /devices} (Admins and Owners): the company's collectors — identifier, model, app version, enrolled, last
 * upload, status — and per device a page to set its identifier, with rotate / erase / revoke behind a confirmation
 * page each (no script needed). No locations, no health telemetry.
 */
@Controller
class DevicePages {

    static final int PAGE = 50;
    static final Set<String> ACTIONS = Set.of("rotate", "erase", "revoke");

    private final DeviceRegistry registry;

    DevicePages(DeviceRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/devices")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String after, Model model) {
        AdminOnly.check();
        String filter = status == null || status.isBlank() ? null : status;
        List<DeviceView> rows = registry.list(filter, TimeCursor.parse(after), PAGE);
        model.addAttribute("devices", rows);
        model.addAttribute("status", filter);
        model.addAttribute("next", rows.size() == PAGE
                ? new TimeCursor(rows.get(PAGE - 1).enrolledAt(), rows.get(PAGE - 1).id()).token() : null);
        model.addAttribute("firstPage", after == null);
        return "fleet/devices";
    }

    @GetMapping("/devices/{id}")
    String device(@PathVariable UUID id, Model model) {
        AdminOnly.check();
        model.addAttribute("device", registry.get(id));
        return "fleet/device";
    }

    @PostMapping("/devices/{id}/identifier")
    String identifier(@PathVariable UUID id, @RequestParam(defaultValue = "") String identifier, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        AdminOnly.check();
        try {
            registry.setIdentifier(id, identifier);
            redirect.addFlashAttribute("notice", "Identifier changed.");
            return "redirect:/devices/" + id;
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            EnrollmentPages.reject(model, e);
            model.addAttribute("wantedIdentifier", identifier);
            return device(id, model);
        }
    }

    /** The confirmation page of an action, explaining what it does. */
    @GetMapping("/devices/{id}/{action:rotate|erase|revoke}")
    String confirm(@PathVariable UUID id, @PathVariable String action, Model model) {
        AdminOnly.check();
        model.addAttribute("device", registry.get(id));
        model.addAttribute("action", action);
        return "fleet/confirm";
    }

    @PostMapping("/devices/{id}/{action:rotate|erase|revoke}")
    String act(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        AdminOnly.check();
        String notice = switch (action) {
            case "rotate" -> "New identifier: " + registry.rotate(id).identifier() + ".";
            case "erase" -> {
                registry.erase(id);
                yield "The device's field data is being erased.";
            }
            case "revoke" -> {
                registry.revoke(id);
                yield "Device revoked: its token no longer works.";
            }
            default -> throw ProblemException.notFound("Action");
        };
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/devices/" + id;
    }
}
