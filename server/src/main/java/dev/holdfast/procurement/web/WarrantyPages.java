package dev.holdfast.procurement.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.InventoryLookup;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /warranties}: the assets by warranty end (explicit expiry, else purchase date + warranty months) —
 * expired, or ending within 30, 60 or 90 days, or all — soonest first, in keyset pages.
 */
@Controller
class WarrantyPages {

    static final int PAGE_SIZE = 50;
    static final List<String> WINDOWS = List.of("expired", "30", "60", "90", "all");

    private final InventoryLookup inventory;

    WarrantyPages(InventoryLookup inventory) {
        this.inventory = inventory;
    }

    /** One row: the warranty and how far it is from today (negative: expired). */
    public record Row(InventoryLookup.Warranty warranty, long daysLeft) {
        public String tone() {
            return daysLeft < 0 ? "danger" : daysLeft <= 30 ? "warning" : "secondary";
        }
    }

    @GetMapping("/warranties")
    String list(@RequestParam(defaultValue = "90") String window, @RequestParam(required = false) @Nullable String after,
            Model model) {
        String w = WINDOWS.contains(window) ? window : "90";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = switch (w) {
            case "expired", "all" -> null;
            default -> today;
        };
        LocalDate to = switch (w) {
            case "expired" -> today.minusDays(1);
            case "all" -> null;
            default -> today.plusDays(Integer.parseInt(w));
        };
        LocalDate afterEnd = null;
        UUID afterId = null;
        if (after != null && after.contains("_")) {
            try {
                afterEnd = LocalDate.parse(after.substring(0, after.indexOf('_')));
                afterId = UUID.fromString(after.substring(after.indexOf('_') + 1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                afterEnd = null;
                afterId = null;
            }
        }
        List<InventoryLookup.Warranty> rows = inventory.warranties(from, to, afterEnd, afterId, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<InventoryLookup.Warranty> shown = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("rows", shown.stream()
                .map(r -> new Row(r, java.time.temporal.ChronoUnit.DAYS.between(today, r.endsOn()))).toList());
        model.addAttribute("window", w);
        model.addAttribute("windows", WINDOWS);
        model.addAttribute("firstPage", afterId == null);
        model.addAttribute("firstUrl", Links.url("/warranties", Links.params("window", w)));
        if (more) {
            InventoryLookup.Warranty last = shown.get(shown.size() - 1);
            model.addAttribute("nextUrl", Links.url("/warranties",
                    Links.params("window", w, "after", last.endsOn() + "_" + last.assetId())));
        }
        model.addAttribute("labels", Map.of("expired", "Expired", "30", "Next 30 days", "60", "Next 60 days",
                "90", "Next 90 days", "all", "All"));
        return "procurement/warranties";
    }
}
