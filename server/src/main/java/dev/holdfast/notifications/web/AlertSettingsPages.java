package dev.holdfast.notifications.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.alerts.AlertSettings;
import dev.holdfast.notifications.alerts.AlertSettingsService;
import dev.holdfast.notifications.alerts.AlertTexts;
import dev.holdfast.notifications.alerts.KindSettings;
import dev.holdfast.platform.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /settings/alerts} (Admins, URL rule {@code /settings/**}): every alert kind's switch, threshold, recipients. */
@Controller
class AlertSettingsPages {

    /** One kind's row of the form, as shown (the saved values, or what was submitted when it was invalid). */
    record KindRow(String kind, String label, String hint, boolean usesDays, boolean usesPercent, boolean enabled,
            String days, String percent, Set<String> roles, String emails, String delivery) {
    }

    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

    private final AlertSettingsService settings;

    AlertSettingsPages(AlertSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/settings/alerts")
    String form(Model model) {
        AlertSettings current = settings.current();
        List<KindRow> rows = new ArrayList<>();
        for (KindSettings k : current.kinds().values()) {
            rows.add(row(k.kind(), k.enabled(), String.valueOf(k.days()), String.valueOf(k.percent()), k.roles(),
                    String.join("\n", k.emails()), k.delivery().name()));
        }
        return render(model, current.timeZone().getId(), String.valueOf(current.digestHour()), rows, Map.of());
    }

    @PostMapping("/settings/alerts")
    String save(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Object> kinds = new LinkedHashMap<>();
        List<KindRow> rows = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            String p = kind.name() + ".";
            boolean enabled = form.containsKey(p + "enabled");
            List<String> roles = form.getOrDefault(p + "roles", List.of());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("enabled", enabled);
            fields.put("roles", roles);
            for (String name : List.of("days", "percent", "emails", "delivery")) {
                if (form.containsKey(p + name)) {
                    fields.put(name, text(form.getFirst(p + name)));
                }
            }
            kinds.put(kind.name(), fields);
            rows.add(row(kind, enabled, text(form.getFirst(p + "days")), text(form.getFirst(p + "percent")),
                    Set.copyOf(roles), text(form.getFirst(p + "emails")), text(form.getFirst(p + "delivery"))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", text(form.getFirst("timeZone")));
        body.put("digestHour", text(form.getFirst("digestHour")));
        body.put("kinds", kinds);
        try {
            settings.update(body);
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            model.addAttribute("error", "Please correct the marked fields.");
            return render(model, text(form.getFirst("timeZone")), text(form.getFirst("digestHour")), rows, errors);
        }
        redirect.addFlashAttribute("notice", "Alert settings saved.");
        return "redirect:/settings/alerts";
    }

    private static String render(Model model, String zone, String hour, List<KindRow> rows, Map<String, String> errors) {
        model.addAttribute("timeZone", zone);
        model.addAttribute("digestHour", hour);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("zones", ZONES);
        model.addAttribute("roleNames", KindSettings.ROLES);
        return "notifications/alert-settings";
    }

    private static KindRow row(AlertKind kind, boolean enabled, String days, String percent, Set<String> roles,
            String emails, String delivery) {
        return new KindRow(kind.name(), AlertTexts.label(kind), AlertTexts.thresholdHint(kind), AlertTexts.usesDays(kind),
                AlertTexts.usesPercent(kind), enabled, days, percent, roles, emails, delivery);
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value;
    }
}
