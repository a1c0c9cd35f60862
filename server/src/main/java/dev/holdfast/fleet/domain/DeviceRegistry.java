package dev.holdfast.fleet.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.holdfast.platform.TimeCursor;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.fleet.DeviceFieldDataErased;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current company's devices and what an admin does with them: list, read, set a custom identifier, rotate it,
 * erase the device's field data, revoke its credentials. Every action is audited. A device of another company is
 * "not found", exactly like a missing one (row-level security hides it).
 */
@Service
public class DeviceRegistry {

    static final Pattern CUSTOM_IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

    private static final String COLUMNS = """
            id, identifier, model, app_version, enrolled_at, last_upload_at, revoked_at
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final DeviceTokens tokens;
    private final ApplicationEventPublisher events;

    DeviceRegistry(JdbcClient jdbc, AuditTrail audit, DeviceTokens tokens, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tokens = tokens;
        this.events = events;
    }

    /** Newest enrolment first; {@code status} "active", "revoked" or null for all. */
    @Transactional(readOnly = true)
    public List<DeviceView> list(@Nullable String status, @Nullable TimeCursor after, int size) {
        String filter = "";
        if (status != null && !status.isBlank()) {
            filter = switch (status.trim().toLowerCase(Locale.ROOT)) {
                case "active" -> " and revoked_at is null";
                case "revoked" -> " and revoked_at is not null";
                default -> throw ProblemException.invalid("status", "must be active or revoked");
            };
        }
        String sql = "select " + COLUMNS + " from devices where tenant_id = :tenant" + filter
                + (after == null ? "" : " and (enrolled_at, id) < (:afterAt, :afterId)")
                + " order by enrolled_at desc, id desc limit :size";
        var query = jdbc.sql(sql).param("tenant", TenantContext.require()).param("size", size);
        if (after != null) {
            query = query.param("afterAt", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return query.query(DeviceRegistry::view).list();
    }

    @Transactional(readOnly = true)
    public DeviceView get(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from devices where tenant_id = ? and id = ?")
                .params(TenantContext.require(), id).query(DeviceRegistry::view).optional()
                .orElseThrow(() -> ProblemException.notFound("Device"));
    }

    /** A custom identifier: 3–64 letters, digits, dot, dash, underscore; never used before in the company. */
    @Transactional
    public DeviceView setIdentifier(UUID id, @Nullable String identifier) {
        DeviceView before = lockedGet(id);
        String wanted = identifier == null ? "" : identifier.trim();
        if (!CUSTOM_IDENTIFIER.matcher(wanted).matches()) {
            throw ProblemException.invalid("identifier",
                    "must be 3 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        if (wanted.equals(before.identifier())) {
            return before;
        }
        replaceIdentifier(id, wanted, "CUSTOM");
        audit.record("device.identifier_set", "device", id.toString(), Map.of("identifier", before.identifier()),
                Map.of("identifier", wanted));
        return get(id);
    }

    /**
     * A new random identifier: data recorded from now on carries it; earlier data keeps the old one, and nothing
     * shown to the company links the two.
     */
    @Transactional
    public DeviceView rotate(UUID id) {
        DeviceView before = lockedGet(id);
        String fresh;
        do {
            fresh = HardwareIds.randomIdentifier();
        } while (taken(fresh));
        replaceIdentifier(id, fresh, "RANDOM");
        audit.record("device.identifier_rotated", "device", id.toString(), Map.of("identifier", before.identifier()),
                Map.of("identifier", fresh));
        return get(id);
    }

    /**
     * Deletes all field data of the device: its telemetry here, and — through {@link DeviceFieldDataErased},
     * published in this transaction — the batches and sightings the ingest and tracking modules hold under any
     * identifier the device has had.
     */
    @Transactional
    public void erase(UUID id) {
        lockedGet(id);
        UUID tenant = TenantContext.require();
        List<String> identifiers = jdbc.sql(
                "select identifier from device_identifiers where tenant_id = ? and device_id = ? order by valid_from")
                .params(tenant, id).query(String.class).list();
        jdbc.sql("delete from device_telemetry where tenant_id = ? and device_id = ?").params(tenant, id).update();
        events.publishEvent(new DeviceFieldDataErased(tenant, id, identifiers));
        audit.record("device.erased", "device", id.toString(), null, Map.of("identifiers", identifiers.size()));
    }

    /** The device's tokens stop working at once; enrolling again with a new code re-admits it. */
    @Transactional
    public void revoke(UUID id) {
        DeviceView before = lockedGet(id);
        tokens.revokeAll(id);
        if (before.active()) {
            jdbc.sql("update devices set revoked_at = now() where tenant_id = ? and id = ?")
                    .params(TenantContext.require(), id).update();
            audit.record("device.revoked", "device", id.toString(), Map.of("status", "active"),
                    Map.of("status", "revoked"));
        }
    }

    private DeviceView lockedGet(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from devices where tenant_id = ? and id = ? for update")
                .params(TenantContext.require(), id).query(DeviceRegistry::view).optional()
                .orElseThrow(() -> ProblemException.notFound("Device"));
    }

    private boolean taken(String identifier) {
        return jdbc.sql("select exists (select 1 from device_identifiers where tenant_id = ? and identifier = ?)")
                .params(TenantContext.require(), identifier).query(Boolean.class).single();
    }

    private void replaceIdentifier(UUID id, String identifier, String kind) {
        tokens.forget(id); // the cached caller carries the identifier
        UUID tenant = TenantContext.require();
        if (taken(identifier)) {
            throw ProblemException.conflict("The identifier is or was already used by a device of this company");
        }
        jdbc.sql("update device_identifiers set valid_to = now() where tenant_id = ? and device_id = ? and valid_to is null")
                .params(tenant, id).update();
        try {
            jdbc.sql("""
                    insert into device_identifiers (tenant_id, device_id, identifier, valid_from)
                    values (?, ?, ?, greatest(now(), (select max(valid_from) + interval '1 microsecond'
                                                      from device_identifiers where tenant_id = ? and device_id = ?)))
                    """).params(tenant, id, identifier, tenant, id).update();
            jdbc.sql("update devices set identifier = ?, identifier_kind = ? where tenant_id = ? and id = ?")
                    .params(identifier, kind, tenant, id).update();
        } catch (DuplicateKeyException e) { // another admin took it a moment ago
            throw ProblemException.conflict("The identifier is or was already used by a device of this company");
        }
    }

    static DeviceView view(ResultSet rs, int n) throws SQLException {
        Timestamp upload = rs.getTimestamp("last_upload_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new DeviceView(rs.getObject("id", UUID.class), rs.getString("identifier"), rs.getString("model"),
                rs.getString("app_version"), rs.getTimestamp("enrolled_at").toInstant(),
                upload == null ? null : upload.toInstant(), revoked == null ? "active" : "revoked",
                revoked == null ? null : revoked.toInstant());
    }
}
