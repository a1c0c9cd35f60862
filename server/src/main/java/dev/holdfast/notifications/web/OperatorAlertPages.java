package dev.holdfast.notifications.web;

import dev.holdfast.notifications.alerts.AlertJob;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /operator/alerts}: run the alert job of every company now and see what it did (operator, URL rule). */
@Controller
class OperatorAlertPages {

    private final AlertJob job;

    OperatorAlertPages(AlertJob job) {
        this.job = job;
    }

    @GetMapping("/operator/alerts")
    String page() {
        return "notifications/operator-alerts";
    }

    @PostMapping("/operator/alerts/run")
    String run(Model model) {
        model.addAttribute("run", job.runNow());
        return "notifications/operator-alerts";
    }
}
