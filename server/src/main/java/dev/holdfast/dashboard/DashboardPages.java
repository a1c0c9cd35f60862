package dev.holdfast.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.holdfast.inventory.InventoryOverview;
import dev.holdfast.notifications.OpenAlerts;
import dev.holdfast.platform.TenantContext;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** {@code /dashboard}: the current company at a glance (any member, URL rule). */
@Controller
class DashboardPages {

    static final int[] WINDOWS = {30, 60, 90};

    private final InventoryOverview inventory;
    private final OpenAlerts alerts;

    DashboardPages(InventoryOverview inventory, OpenAlerts alerts) {
        this.inventory = inventory;
        this.alerts = alerts;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        if (TenantContext.current().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate today = alerts.today();
        model.addAttribute("today", today);
        model.addAttribute("total", inventory.totalAssets());
        model.addAttribute("byStatus", inventory.countsByStatus());
        model.addAttribute("byCategory", inventory.countsByCategory());
        Map<Integer, Long> warranties = new LinkedHashMap<>();
        for (int days : WINDOWS) {
            warranties.put(days, inventory.warrantiesEnding(today, days));
        }
        model.addAttribute("warranties", warranties);
        model.addAttribute("soonest", inventory.warrantiesEndingSoonest(today, WINDOWS[WINDOWS.length - 1], 10));
        // procurement: licences and contracts expiring in the same windows go here once procurement/ProcurementOverview
        // lands (add it to allowedDependencies and fill "procurement" like "warranties").
        model.addAttribute("procurement", null);
        model.addAttribute("openAlerts", alerts.count());
        model.addAttribute("newestAlerts", alerts.newest(10));
        model.addAttribute("auditsDue", inventory.auditsDue(today));
        return "dashboard/dashboard";
    }
}
