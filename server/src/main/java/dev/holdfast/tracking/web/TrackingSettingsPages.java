package dev.holdfast.tracking.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.tracking.domain.TrackingSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /settings/tracking} (Admins and Owners, by the URL rule): automatic audit and the tracking alerts' thresholds. */
@Controller
class TrackingSettingsPages {

    private final TrackingSettings settings;

    TrackingSettingsPages(TrackingSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings/tracking")
    String show(@RequestParam(defaultValue = "false") boolean saved, Model model) {
        TrackingSettings.Values v = settings.of(TenantContext.require());
        return render(model, v.autoAudit(), text(v.notSeenAlertDays()), text(v.awayAlertHours()), Map.of(), saved);
    }

    @PostMapping("/settings/tracking")
    String save(@RequestParam MultiValueMap<String, String> form, Model model) {
        boolean audit = "true".equals(form.getFirst("autoAudit"));
        String notSeen = form.getFirst("notSeenAlertDays");
        String away = form.getFirst("awayAlertHours");
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new HashMap<>();
        body.put("autoAudit", audit);
        body.put("notSeenAlertDays", number("notSeenAlertDays", notSeen, errors));
        body.put("awayAlertHours", number("awayAlertHours", away, errors));
        if (errors.isEmpty()) {
            try {
                settings.update(body);
                return "redirect:/settings/tracking?saved=true";
            } catch (ProblemException e) {
                // the API's "null (off)" is an empty field here
                e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message().replace("null (off)", "empty (off)")));
            }
        }
        return render(model, audit, notSeen == null ? "" : notSeen, away == null ? "" : away, errors, false);
    }

    private static Object number(String field, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number, or empty (off)");
            return null;
        }
    }

    private static String render(Model model, boolean audit, String notSeen, String away, Map<String, String> errors,
            boolean saved) {
        model.addAttribute("autoAudit", audit);
        model.addAttribute("notSeenAlertDays", notSeen);
        model.addAttribute("awayAlertHours", away);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "tracking/settings";
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
