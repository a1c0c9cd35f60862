package dev.holdfast.inventory.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.holdfast.inventory.domain.Checkouts;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The check-out, check-in and audit forms of the asset page (Manager and up). */
@Controller
class AssetActionPages {

    private final Checkouts checkouts;

    AssetActionPages(Checkouts checkouts) {
        this.checkouts = checkouts;
    }

    @PostMapping("/assets/{id}/checkout")
    String checkOut(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(required = false) @Nullable UUID locationId,
            @RequestParam(required = false) @Nullable LocalDate expectedCheckinOn,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        PageAccess.requireWriter();
        return act(id, redirect, () -> {
            var asset = checkouts.checkOut(id, new Checkouts.Target(personId, locationId, null), expectedCheckinOn,
                    blankToNull(note));
            return "Checked out to " + asset.assignedTo().name() + ".";
        });
    }

    @PostMapping("/assets/{id}/checkin")
    String checkIn(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        PageAccess.requireWriter();
        return act(id, back, redirect, () -> {
            var asset = checkouts.checkIn(id, blankToNull(note));
            return back == null ? "Checked in." : "Checked in " + asset.assetTag() + " (" + asset.name() + ").";
        });
    }

    @PostMapping("/assets/{id}/audit")
    String audit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        PageAccess.requireWriter();
        return act(id, back, redirect, () -> {
            var asset = checkouts.audit(id, null, blankToNull(note));
            return "Audit recorded for " + asset.assetTag() + "; the next one is due on " + asset.nextAuditOn() + ".";
        });
    }

    /** The work lists an action may return to (anything else goes back to the asset). */
    private static final java.util.Set<String> BACK = java.util.Set.of("/assets/audits", "/assets/overdue");

    private static String act(UUID id, @Nullable String back, RedirectAttributes redirect,
            java.util.function.Supplier<String> action) {
        String target = back != null && BACK.contains(back) ? back : "/assets/" + id;
        act(id, redirect, action);
        return "redirect:" + target;
    }

    private static String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.errors().isEmpty() ? e.getMessage()
                    : e.errors().get(0).message().startsWith("give exactly")
                            ? "Choose a person or a location to check the asset out to." : e.getMessage());
        }
        return "redirect:/assets/" + id;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
