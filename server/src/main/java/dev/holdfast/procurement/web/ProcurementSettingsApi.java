package dev.holdfast.procurement.web;

import java.util.Map;

import dev.holdfast.procurement.domain.ProcurementSettings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/procurement-settings}: every member reads, Admins and Owners change (URL rules). */
@RestController
class ProcurementSettingsApi {

    private final ProcurementSettings settings;

    ProcurementSettingsApi(ProcurementSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/procurement-settings")
    ProcurementSettings.Values get() {
        return settings.current();
    }

    @PatchMapping("/api/v1/procurement-settings")
    ProcurementSettings.Values patch(@RequestBody Map<String, Object> body) {
        return settings.update(body);
    }
}
