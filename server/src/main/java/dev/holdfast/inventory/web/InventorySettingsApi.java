package dev.holdfast.inventory.web;

import java.util.Map;

import dev.holdfast.inventory.domain.InventorySettings;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inventory-settings}: every member reads them, Admins change them (URL rules). */
@RestController
class InventorySettingsApi {

    private final InventorySettings settings;

    InventorySettingsApi(InventorySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/inventory-settings")
    InventorySettings.Settings get() {
        return settings.current();
    }

    @PatchMapping("/api/v1/inventory-settings")
    InventorySettings.Settings update(@RequestBody Map<String, Object> body) {
        return settings.update(body);
    }
}
