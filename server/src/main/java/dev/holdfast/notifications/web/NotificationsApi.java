package dev.holdfast.notifications.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.notifications.alerts.AlertJob;
import dev.holdfast.notifications.alerts.AlertSettingsForm;
import dev.holdfast.notifications.alerts.AlertSettingsService;
import dev.holdfast.notifications.alerts.Notifications;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notifications} (the caller's own, any member), {@code /api/v1/alert-settings} (Admins, URL rule) and
 * {@code /api/v1/operator/alerts/evaluate} (the operator, URL rule).
 */
@RestController
class NotificationsApi {

    private final Notifications notifications;
    private final AlertSettingsService settings;
    private final AlertJob job;

    NotificationsApi(Notifications notifications, AlertSettingsService settings, AlertJob job) {
        this.notifications = notifications;
        this.settings = settings;
        this.job = job;
    }

    @GetMapping("/api/v1/notifications")
    List<Notifications.Notification> list(@RequestParam(defaultValue = "false") boolean unread) {
        return notifications.mine(unread);
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        notifications.markRead(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/alert-settings")
    Map<String, Object> settings() {
        return AlertSettingsForm.toJson(settings.current());
    }

    @PutMapping("/api/v1/alert-settings")
    Map<String, Object> update(@RequestBody Map<String, Object> body) {
        return AlertSettingsForm.toJson(settings.update(body));
    }

    @PostMapping("/api/v1/operator/alerts/evaluate")
    ResponseEntity<AlertJob.Run> evaluate() {
        AlertJob.Run run = job.runNow();
        return run.ran() ? ResponseEntity.ok(run) : ResponseEntity.status(409).body(run);
    }
}
