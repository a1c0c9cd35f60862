package dev.holdfast.procurement.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.inventory.SeatHolderDeleting;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.TenantContext;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An asset or a person that holds licence seats is being deleted (its seats go with it, ON DELETE CASCADE): each
 * licence's history records the released seat, and the capacity alerts are re-evaluated after the commit. Runs in
 * the deleting transaction, before the row goes; nothing happens for a holder without seats.
 */
@Component
class SeatHolderDeletions {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AlertEvents alerts;

    SeatHolderDeletions(JdbcClient jdbc, AuditTrail audit, AlertEvents alerts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.alerts = alerts;
    }

    @EventListener
    void on(SeatHolderDeleting event) {
        boolean asset = event.holder() == SeatHolderDeleting.Holder.ASSET;
        List<UUID> licenses = jdbc.sql("select license_id from license_seats where tenant_id = ? and "
                        + (asset ? "asset_id" : "person_id") + " = ? order by license_id")
                .params(TenantContext.require(), event.id()).query(UUID.class).list();
        if (licenses.isEmpty()) {
            return;
        }
        String holder = asset ? "assetId" : "personId";
        for (UUID license : licenses) {
            audit.record("license.seat_released", Licenses.AUDIT_TYPE, license.toString(),
                    Map.of(holder, event.id().toString()), Map.of("reason", (asset ? "asset" : "person") + " deleted"));
        }
        alerts.changed(AlertKind.LICENSE_CAPACITY);
    }
}
