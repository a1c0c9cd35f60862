package dev.holdfast.inventory.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-out to a person, a location or another asset (with an expected return date), check-in, and physical
 * audits (who verified the asset, when, where; the next audit follows from the company's audit interval).
 */
@Service
public class Checkouts {

    /** Where an asset goes: exactly one of the three. */
    public record Target(@Nullable UUID personId, @Nullable UUID locationId, @Nullable UUID assetId) {
    }

    private final JdbcClient jdbc;
    private final Assets assets;
    private final AuditTrail audit;
    private final InventorySettings settings;

    Checkouts(JdbcClient jdbc, Assets assets, AuditTrail audit, InventorySettings settings) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.assets = assets;
        this.audit = audit;
    }

    @Transactional
    public AssetView checkOut(UUID assetId, Target target, @Nullable LocalDate expectedCheckinOn, @Nullable String note) {
        UUID tenant = TenantContext.require();
        AssetView asset = assets.get(assetId);
        if (asset.assignedTo() != null) {
            throw ProblemException.conflict("The asset is checked out to " + asset.assignedTo().name() + "; check it in first");
        }
        if (!"DEPLOYABLE".equals(asset.statusKind())) {
            throw ProblemException.conflict("Only assets with a deployable status can be checked out (this one is "
                    + asset.status() + ")");
        }
        int given = (target.personId() != null ? 1 : 0) + (target.locationId() != null ? 1 : 0)
                + (target.assetId() != null ? 1 : 0);
        if (given != 1) {
            throw ProblemException.invalid("personId", "give exactly one of personId, locationId or assetId");
        }
        if (expectedCheckinOn != null && expectedCheckinOn.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw ProblemException.invalid("expectedCheckinOn", "must not be in the past");
        }
        String type;
        UUID assignee;
        String column;
        if (target.personId() != null) {
            type = "person";
            assignee = target.personId();
            column = "assigned_person_id";
            exists("people", tenant, assignee, "personId");
        } else if (target.locationId() != null) {
            type = "location";
            assignee = target.locationId();
            column = "assigned_location_id";
            exists("locations", tenant, assignee, "locationId");
        } else {
            type = "asset";
            assignee = target.assetId();
            column = "assigned_asset_id";
            exists("assets", tenant, assignee, "assetId");
            if (assignee.equals(assetId)) {
                throw ProblemException.invalid("assetId", "an asset cannot be checked out to itself");
            }
        }
        jdbc.sql("update assets set " + column + " = ?, expected_checkin_on = ?, updated_at = now() "
                + "where tenant_id = ? and id = ?").params(assignee, expectedCheckinOn, tenant, assetId).update();
        jdbc.sql("""
                insert into asset_assignments (tenant_id, id, asset_id, assignee_type, assignee_id, expected_checkin_on,
                                               checkout_note) values (?, ?, ?, ?, ?, ?, ?)
                """).params(tenant, UUID.randomUUID(), assetId, type, assignee, expectedCheckinOn, note).update();
        AssetView after = assets.get(assetId);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("assignedTo", type + ": " + after.assignedTo().name());
        change.put("expectedCheckinOn", expectedCheckinOn == null ? null : expectedCheckinOn.toString());
        change.put("note", note);
        audit.record("asset.checked_out", Assets.AUDIT_TYPE, assetId.toString(), null, change);
        return after;
    }

    @Transactional
    public AssetView checkIn(UUID assetId, @Nullable String note) {
        UUID tenant = TenantContext.require();
        AssetView asset = assets.get(assetId);
        if (asset.assignedTo() == null) {
            throw ProblemException.conflict("The asset is not checked out");
        }
        jdbc.sql("update assets set assigned_person_id = null, assigned_location_id = null, assigned_asset_id = null, "
                + "expected_checkin_on = null, updated_at = now() where tenant_id = ? and id = ?")
                .params(tenant, assetId).update();
        jdbc.sql("update asset_assignments set checked_in_at = now(), checkin_note = ? "
                + "where tenant_id = ? and asset_id = ? and checked_in_at is null").params(note, tenant, assetId).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("assignedTo", asset.assignedTo().type() + ": " + asset.assignedTo().name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("assignedTo", null);
        after.put("note", note);
        audit.record("asset.checked_in", Assets.AUDIT_TYPE, assetId.toString(), before, after);
        return assets.get(assetId);
    }

    /** Marks the asset physically verified now; the next audit is due one company audit interval later. */
    @Transactional
    public AssetView audit(UUID assetId, @Nullable UUID locationId, @Nullable String note) {
        UUID tenant = TenantContext.require();
        AssetView before = assets.get(assetId);
        if (locationId != null) {
            exists("locations", tenant, locationId, "locationId");
        }
        int months = settings.current().auditIntervalMonths();
        LocalDate next = LocalDate.now(ZoneOffset.UTC).plusMonths(months);
        jdbc.sql("update assets set last_audit_at = now(), next_audit_on = ?, location_id = coalesce(?, location_id), "
                + "updated_at = now() where tenant_id = ? and id = ?").params(next, locationId, tenant, assetId).update();
        jdbc.sql("insert into asset_audits (tenant_id, id, asset_id, audited_by, location_id, note) values (?, ?, ?, ?, ?, ?)")
                .params(tenant, UUID.randomUUID(), assetId, CurrentActor.get().label(), locationId, note).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("nextAuditOn", next.toString());
        after.put("note", note);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("nextAuditOn", before.nextAuditOn() == null ? null : before.nextAuditOn().toString());
        audit.record("asset.audited", Assets.AUDIT_TYPE, assetId.toString(), was, after);
        return assets.get(assetId);
    }

    /** Checked-out assets whose expected return date has passed, longest overdue first. */
    @Transactional(readOnly = true)
    public List<UUID> overdueReturns(int limit) {
        return jdbc.sql("select id from assets where tenant_id = ? and expected_checkin_on < ? "
                + "order by expected_checkin_on, id limit ?")
                .params(TenantContext.require(), LocalDate.now(ZoneOffset.UTC), limit).query(UUID.class).list();
    }

    /** Assets whose next audit is due within {@code days} (overdue ones first). */
    @Transactional(readOnly = true)
    public List<UUID> auditsDue(int days, int limit) {
        return jdbc.sql("select id from assets where tenant_id = ? and next_audit_on <= ? order by next_audit_on, id limit ?")
                .params(TenantContext.require(), LocalDate.now(ZoneOffset.UTC).plusDays(days), limit)
                .query(UUID.class).list();
    }

    private void exists(String table, UUID tenant, UUID id, String field) {
        if (jdbc.sql("select count(*) from " + table + " where tenant_id = ? and id = ?").params(tenant, id)
                .query(Long.class).single() == 0) {
            throw ProblemException.invalid(field, "does not exist");
        }
    }
}
