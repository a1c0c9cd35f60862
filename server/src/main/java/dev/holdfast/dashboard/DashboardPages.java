package dev.holdfast.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.holdfast.inventory.InventoryOverview;
import dev.holdfast.notifications.OpenAlerts;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.procurement.ProcurementOverview;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** {@code /dashboard}: the current company at a glance (any member, URL rule). */
@Controller
class DashboardPages {

    static final int[] WINDOWS = {30, 60, 90};
    static final int SOONEST = 10;
    static final int ATTENTION = 5;

    private final InventoryOverview inventory;
    private final OpenAlerts alerts;
    private final ProcurementOverview procurement;

    DashboardPages(InventoryOverview inventory, OpenAlerts alerts, ProcurementOverview procurement) {
        this.inventory = inventory;
        this.alerts = alerts;
        this.procurement = procurement;
    }

    /** Licences and contracts expiring within each window (days → count). */
    public record Expiring(Map<Integer, Long> licenses, Map<Integer, Long> contracts) {
    }

    /** What needs someone's attention now: full licences and overdue vendor audits, with the first few of each. */
    public record Attention(long licensesAtCapacity, long licensesOverAllocated,
            List<ProcurementOverview.Item> licenses, long vendorAuditsOverdue, List<ProcurementOverview.Item> vendors) {

        public boolean isEmpty() {
            return licensesAtCapacity == 0 && vendorAuditsOverdue == 0;
        }
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
        int longest = WINDOWS[WINDOWS.length - 1];
        model.addAttribute("soonest", inventory.warrantiesEndingSoonest(today, longest, SOONEST));
        Map<Integer, Long> licenses = new LinkedHashMap<>();
        Map<Integer, Long> contracts = new LinkedHashMap<>();
        for (int days : WINDOWS) {
            licenses.put(days, procurement.licensesExpiring(today, days));
            contracts.put(days, procurement.contractsExpiring(today, days));
        }
        model.addAttribute("procurement", new Expiring(licenses, contracts));
        List<ProcurementOverview.Item> soonestProcurement = new ArrayList<>(
                procurement.licensesExpiringSoonest(today, longest, SOONEST));
        soonestProcurement.addAll(procurement.contractsExpiringSoonest(today, longest, SOONEST));
        soonestProcurement.sort(Comparator.comparing((ProcurementOverview.Item i) -> Objects.requireNonNull(i.on()))
                .thenComparing(ProcurementOverview.Item::name, String.CASE_INSENSITIVE_ORDER));
        model.addAttribute("soonestProcurement",
                soonestProcurement.subList(0, Math.min(SOONEST, soonestProcurement.size())));
        model.addAttribute("attention", new Attention(procurement.licensesAtCapacity(),
                procurement.licensesOverAllocated(), procurement.licensesAtCapacity(ATTENTION),
                procurement.vendorAuditsOverdue(today), procurement.vendorAuditsOverdue(today, ATTENTION)));
        model.addAttribute("openAlerts", alerts.count());
        model.addAttribute("newestAlerts", alerts.newest(10));
        model.addAttribute("auditsDue", inventory.auditsDue(today));
        return "dashboard/dashboard";
    }
}
