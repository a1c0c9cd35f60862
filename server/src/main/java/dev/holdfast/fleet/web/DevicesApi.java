package dev.holdfast.fleet.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.platform.TimeCursor;
import dev.holdfast.fleet.domain.DeviceRegistry;
import dev.holdfast.fleet.domain.DeviceView;
import dev.holdfast.fleet.domain.FleetSettings;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Device management for a company's Admins and Owners: list, read, set identifier, rotate, erase, revoke, and the
 * BLE filter. There is deliberately no endpoint that returns a device's positions or its health telemetry.
 */
@RestController
class DevicesApi {

    record DevicePatch(@Nullable String identifier) {
    }

    record BleFilterRequest(@Nullable List<String> families, @Nullable List<String> ibeaconUuids) {
    }

    private final DeviceRegistry registry;
    private final FleetSettings settings;

    DevicesApi(DeviceRegistry registry, FleetSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @GetMapping("/api/v1/devices")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
        AdminOnly.check();
        int limit = TimeCursor.size(size);
        List<DeviceView> rows = registry.list(status, TimeCursor.parse(after), limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", rows);
        DeviceView last = rows.size() == limit ? rows.get(rows.size() - 1) : null;
        page.put("next", last == null ? null : new TimeCursor(last.enrolledAt(), last.id()).token());
        return page;
    }

    @GetMapping("/api/v1/devices/{id}")
    DeviceView get(@PathVariable UUID id) {
        AdminOnly.check();
        return registry.get(id);
    }

    /** {@code {identifier}}: a custom identifier (422 when malformed, 409 when it is or was in use). */
    @PatchMapping("/api/v1/devices/{id}")
    DeviceView patch(@PathVariable UUID id, @RequestBody DevicePatch body) {
        AdminOnly.check();
        if (body.identifier() == null) {
            return registry.get(id);
        }
        return registry.setIdentifier(id, body.identifier());
    }

    @PostMapping("/api/v1/devices/{id}/rotate")
    DeviceView rotate(@PathVariable UUID id) {
        AdminOnly.check();
        return registry.rotate(id);
    }

    @PostMapping("/api/v1/devices/{id}/erase")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable UUID id) {
        AdminOnly.check();
        registry.erase(id);
    }

    @PostMapping("/api/v1/devices/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        AdminOnly.check();
        registry.revoke(id);
    }

    @GetMapping("/api/v1/device-settings")
    Map<String, Object> settings() {
        AdminOnly.check();
        return Map.of("bleFilter", settings.bleFilter());
    }

    /** {@code {bleFilter: {families, ibeaconUuids}}}; devices get it at their next enrolment or config fetch. */
    @PutMapping("/api/v1/device-settings")
    Map<String, Object> updateSettings(@RequestBody Map<String, BleFilterRequest> body) {
        AdminOnly.check();
        BleFilterRequest filter = body.get("bleFilter");
        if (filter == null) {
            throw ProblemException.invalid("bleFilter", "is required");
        }
        return Map.of("bleFilter", settings.update(filter.families(), filter.ibeaconUuids()));
    }
}
