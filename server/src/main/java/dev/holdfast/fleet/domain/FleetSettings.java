package dev.holdfast.fleet.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.fleet.BleFilter;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current company's collector settings: the BLE filter ({@link BleFilter#DEFAULT} until changed). */
@Service
public class FleetSettings {

    static final int MAX_UUIDS = 100;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    FleetSettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public BleFilter bleFilter() {
        return jdbc.sql("select ble_families, ibeacon_uuids from fleet_settings where tenant_id = ?")
                .param(TenantContext.require())
                .query((rs, n) -> new BleFilter(Arrays.asList((String[]) rs.getArray(1).getArray()),
                        Arrays.asList((UUID[]) rs.getArray(2).getArray())))
                .optional().orElse(BleFilter.DEFAULT);
    }

    /** Validates (422 naming the field) and stores the filter. */
    @Transactional
    public BleFilter update(@Nullable List<String> families, @Nullable List<String> ibeaconUuids) {
        BleFilter before = bleFilter();
        BleFilter filter = validate(families, ibeaconUuids);
        jdbc.sql("""
                insert into fleet_settings (tenant_id, ble_families, ibeacon_uuids, updated_at) values (?, ?, ?, now())
                on conflict (tenant_id) do update set ble_families = excluded.ble_families,
                    ibeacon_uuids = excluded.ibeacon_uuids, updated_at = now()
                """).params(TenantContext.require(), filter.families().toArray(String[]::new),
                        filter.ibeaconUuids().toArray(UUID[]::new)).update();
        audit.record("fleet_settings.updated", "fleet_settings", "ble_filter",
                Map.of("families", before.families().toString(), "ibeaconUuids", before.ibeaconUuids().toString()),
                Map.of("families", filter.families().toString(), "ibeaconUuids", filter.ibeaconUuids().toString()));
        return filter;
    }

    static BleFilter validate(@Nullable List<String> families, @Nullable List<String> ibeaconUuids) {
        if (families == null || families.isEmpty()) {
            throw ProblemException.invalid("families", "must name at least one of ibeacon, altbeacon, eddystone");
        }
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String family : families) {
            String f = family == null ? "" : family.trim().toLowerCase(Locale.ROOT);
            if (!BleFilter.KNOWN_FAMILIES.contains(f)) {
                throw ProblemException.invalid("families", "unknown family '" + family
                        + "'; known are ibeacon, altbeacon, eddystone");
            }
            kept.add(f);
        }
        List<String> texts = ibeaconUuids == null ? List.of() : ibeaconUuids;
        if (texts.size() > MAX_UUIDS) {
            throw ProblemException.invalid("ibeaconUuids", "at most " + MAX_UUIDS + " UUIDs");
        }
        LinkedHashSet<UUID> uuids = new LinkedHashSet<>();
        for (String text : texts) {
            try {
                uuids.add(UUID.fromString(text == null ? "" : text.trim()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("ibeaconUuids", "'" + text + "' is not a UUID");
            }
        }
        return new BleFilter(new ArrayList<>(kept), new ArrayList<>(uuids));
    }
}
