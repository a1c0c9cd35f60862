package dev.holdfast.fleet.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.fleet.BleFilter;
import dev.holdfast.fleet.FleetProperties;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A collector enrols with a code and its hardware id: one use of the code is taken, the device is created (or, for
 * a hardware id the company already knows, re-admitted with its current identifier) and gets a fresh token. The raw
 * hardware id is only hashed, never stored. Every failure of the code gives the same 401.
 */
@Service
public class Enrollment {

    public record Enrolled(UUID deviceId, String token, int uploadIntervalSeconds, BleFilter bleFilter) {
        @Override
        public String toString() {
            return "Enrolled[" + deviceId + "]";
        }
    }

    private final EnrollmentCodes codes;
    private final DeviceTokens tokens;
    private final HardwareIds hardwareIds;
    private final DeviceBleFilter filters;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final FleetProperties properties;

    Enrollment(EnrollmentCodes codes, DeviceTokens tokens, HardwareIds hardwareIds, DeviceBleFilter filters,
            TenantTransactions transactions, JdbcClient jdbc, AuditTrail audit, FleetProperties properties) {
        this.codes = codes;
        this.tokens = tokens;
        this.hardwareIds = hardwareIds;
        this.filters = filters;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    public Enrolled enroll(@Nullable String code, @Nullable String hardwareId, @Nullable String model,
            @Nullable String appVersion) {
        String hardware = hardwareId == null ? "" : hardwareId.trim();
        if (hardware.isEmpty() || hardware.length() > 200) {
            throw ProblemException.invalid("hardwareId", "must be 1 to 200 characters");
        }
        String cleanModel = optional("model", model, 100);
        String cleanVersion = optional("appVersion", appVersion, 50);
        EnrollmentCodes.Found found = Optional.ofNullable(code).flatMap(codes::find).orElseThrow(Enrollment::refused);
        String key = hardwareIds.enrolmentKey(hardware);
        String derived = hardwareIds.identifier(hardware);
        return transactions.inTenant(found.tenantId(), () -> {
            if (!codes.takeUse(found.codeId())) {
                throw refused();
            }
            UUID tenant = TenantContext.require();
            Optional<UUID> known = jdbc.sql("select id from devices where tenant_id = ? and hardware_key = ? for update")
                    .params(tenant, key).query(UUID.class).optional();
            UUID deviceId = known.orElseGet(UUID::randomUUID);
            String identifier;
            if (known.isPresent()) {
                identifier = jdbc.sql("""
                        update devices set revoked_at = null, model = ?, app_version = ?, enrollment_code_id = ?
                        where tenant_id = ? and id = ? returning identifier
                        """).params(cleanModel, cleanVersion, found.codeId(), tenant, deviceId)
                        .query(String.class).single();
            } else {
                boolean taken = jdbc.sql("select exists (select 1 from device_identifiers where tenant_id = ? and identifier = ?)")
                        .params(tenant, derived).query(Boolean.class).single();
                identifier = taken ? HardwareIds.randomIdentifier() : derived;
                jdbc.sql("""
                        insert into devices (tenant_id, id, hardware_key, identifier, identifier_kind, model, app_version,
                                             enrollment_code_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(tenant, deviceId, key, identifier, taken ? "RANDOM" : "DERIVED", cleanModel,
                        cleanVersion, found.codeId()).update();
                jdbc.sql("insert into device_identifiers (tenant_id, device_id, identifier, valid_from) values (?, ?, ?, now())")
                        .params(tenant, deviceId, identifier).update();
            }
            String token = tokens.issue(deviceId);
            try (TenantContext.Scope who = CurrentActor.enter(Actor.device(deviceId, identifier))) {
                Map<String, Object> after = new HashMap<>();
                after.put("identifier", identifier);
                after.put("enrollmentCode", found.codeId().toString());
                if (cleanModel != null) {
                    after.put("model", cleanModel);
                }
                audit.record(known.isPresent() ? "device.reenrolled" : "device.enrolled", "device", deviceId.toString(),
                        null, after);
            }
            return new Enrolled(deviceId, token, properties.uploadIntervalSeconds(), filters.forDevices(tenant));
        });
    }

    private static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw ProblemException.invalid(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    private static ProblemException refused() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "The enrollment code is not valid");
    }
}
