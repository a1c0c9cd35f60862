package dev.holdfast.fleet.web;

import java.util.List;
import java.util.UUID;

import dev.holdfast.fleet.FleetProperties;
import dev.holdfast.fleet.domain.Telemetry;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /operator/devices} (the operator only, by URL rule): every company's collectors and their latest health
 * report; devices not heard from for longer than {@code holdfast.fleet.silent-after} are highlighted.
 */
@Controller
class OperatorDevicePages {

    static final int PAGE = 100;

    private final Telemetry telemetry;
    private final FleetProperties properties;

    OperatorDevicePages(Telemetry telemetry, FleetProperties properties) {
        this.telemetry = telemetry;
        this.properties = properties;
    }

    @GetMapping("/operator/devices")
    String health(@RequestParam(defaultValue = "false") boolean silent,
            @RequestParam(required = false) @Nullable UUID company,
            @RequestParam(required = false) @Nullable String after, Model model) {
        List<Telemetry.Health> rows = telemetry.installation(company, silent, parse(after), PAGE);
        model.addAttribute("company", company);
        model.addAttribute("rows", rows);
        model.addAttribute("summary", telemetry.summary());
        model.addAttribute("silent", silent);
        model.addAttribute("silentAfter", properties.silentAfter());
        model.addAttribute("firstPage", after == null);
        model.addAttribute("next", rows.size() == PAGE
                ? rows.get(PAGE - 1).tenantId() + "_" + rows.get(PAGE - 1).deviceId() : null);
        return "fleet/operator-devices";
    }

    private static Telemetry.@Nullable After parse(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            int bar = after.indexOf('_');
            return new Telemetry.After(UUID.fromString(after.substring(0, bar)), UUID.fromString(after.substring(bar + 1)));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
