package dev.holdfast.inventory.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.holdfast.inventory.domain.AssetView;
import dev.holdfast.inventory.domain.Assets;
import dev.holdfast.inventory.domain.Checkouts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The work lists: {@code /assets/audits} (audits overdue and due within {@value #AUDIT_DAYS} days, each with a
 * "mark audited" button) and {@code /assets/overdue} (check-outs whose expected return date has passed, each with
 * a check-in button). Members read; the buttons are for Managers and up.
 */
@Controller
class AssetWorkPages {

    static final int AUDIT_DAYS = 30;
    static final int LIMIT = 500;

    private final Assets assets;
    private final Checkouts checkouts;

    AssetWorkPages(Assets assets, Checkouts checkouts) {
        this.assets = assets;
        this.checkouts = checkouts;
    }

    /** One row of a work list: the asset and how many days it is overdue (negative: due in that many days). */
    public record Item(AssetView asset, long daysOverdue) {
    }

    @GetMapping("/assets/audits")
    String audits(Model model) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Item> items = assets.getAll(checkouts.auditsDue(AUDIT_DAYS, LIMIT + 1)).stream()
                .map(a -> new Item(a, ChronoUnit.DAYS.between(a.nextAuditOn(), today))).toList();
        model.addAttribute("overdue", items.stream().filter(i -> i.daysOverdue() > 0).limit(LIMIT).toList());
        model.addAttribute("due", items.stream().filter(i -> i.daysOverdue() <= 0).limit(LIMIT).toList());
        model.addAttribute("truncated", items.size() > LIMIT);
        model.addAttribute("days", AUDIT_DAYS);
        return "inventory/audits";
    }

    @GetMapping("/assets/overdue")
    String overdue(Model model) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Item> items = assets.getAll(checkouts.overdueReturns(LIMIT + 1)).stream()
                .filter(a -> a.expectedCheckinOn() != null)
                .map(a -> new Item(a, ChronoUnit.DAYS.between(a.expectedCheckinOn(), today))).toList();
        model.addAttribute("items", items.stream().limit(LIMIT).toList());
        model.addAttribute("truncated", items.size() > LIMIT);
        return "inventory/overdue";
    }
}
