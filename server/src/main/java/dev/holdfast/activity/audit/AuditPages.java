package dev.holdfast.activity.audit;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.activity.AuditTrail;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /settings/audit}: the company's audit events with their field changes, newest first, and a
 * "verify chain" button (htmx swaps in the result; without script the page is re-rendered with it).
 * The security configuration admits company admins and owners and sets the company.
 */
@Controller
class AuditPages {

    static final int PAGE = 50;

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/settings/audit")
    String events(@RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable Long before, Model model) {
        String targetType = blankToNull(type);
        String targetId = blankToNull(target);
        List<AuditEvent> events = trail.list(targetType, targetId, before, PAGE + 1);
        boolean more = events.size() > PAGE;
        List<AuditEvent> shown = more ? events.subList(0, PAGE) : events;
        model.addAttribute("type", targetType);
        model.addAttribute("target", targetId);
        model.addAttribute("events", shown);
        model.addAttribute("next", more ? shown.get(PAGE - 1).seq() : null);
        model.addAttribute("firstPage", before == null);
        return "activity/audit";
    }

    @PostMapping("/settings/audit/verify")
    String verify(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("verification", trail.verify());
        if (htmx != null) {
            return "activity/audit :: verification";
        }
        return events(null, null, null, model);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
