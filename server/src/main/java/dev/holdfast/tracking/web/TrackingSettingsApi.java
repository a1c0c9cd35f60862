package dev.holdfast.tracking.web;

import java.util.Map;

import dev.holdfast.platform.TenantContext;
import dev.holdfast.tracking.domain.TrackingSettings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PATCH /api/v1/tracking-settings} {@code {autoAudit, notSeenAlertDays, awayAlertHours}} for a company's
 * Admins and Owners (the URL rule admits only them); a threshold of null turns its alert off.
 */
@RestController
class TrackingSettingsApi {

    private final TrackingSettings settings;

    TrackingSettingsApi(TrackingSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/tracking-settings")
    TrackingSettings.Values get() {
        return settings.of(TenantContext.require());
    }

    @PatchMapping("/api/v1/tracking-settings")
    TrackingSettings.Values update(@RequestBody Map<String, Object> body) {
        return settings.update(body);
    }
}
