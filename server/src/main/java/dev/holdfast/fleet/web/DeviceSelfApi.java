package dev.holdfast.fleet.web;

import java.time.Instant;
import java.util.UUID;

import dev.holdfast.fleet.BleFilter;
import dev.holdfast.fleet.DeviceCaller;
import dev.holdfast.fleet.FleetProperties;
import dev.holdfast.fleet.domain.DeviceBleFilter;
import dev.holdfast.fleet.domain.Telemetry;
import dev.holdfast.fleet.domain.TelemetryReport;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** What an enrolled collector calls with its device token (the security chain admits only ROLE_DEVICE here). */
@RestController
class DeviceSelfApi {

    record DeviceConfig(UUID deviceId, int uploadIntervalSeconds, BleFilter bleFilter) {
    }

    private final Telemetry telemetry;
    private final DeviceBleFilter filters;
    private final FleetProperties properties;

    DeviceSelfApi(Telemetry telemetry, DeviceBleFilter filters, FleetProperties properties) {
        this.telemetry = telemetry;
        this.filters = filters;
        this.properties = properties;
    }

    /** The device's health report; only the latest is kept. */
    @PutMapping("/api/v1/devices/self/telemetry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void telemetry(@RequestBody(required = false) @Nullable JsonNode body) {
        DeviceCaller device = DeviceCaller.require();
        telemetry.save(device.deviceId(), TelemetryReport.parse(body, Instant.now()));
    }

    /** The current upload interval and BLE filter, for a device to refresh what it got at enrolment. */
    @GetMapping("/api/v1/devices/self/config")
    DeviceConfig config() {
        DeviceCaller device = DeviceCaller.require();
        return new DeviceConfig(device.deviceId(), properties.uploadIntervalSeconds(),
                filters.forDevices(device.tenantId()));
    }
}
