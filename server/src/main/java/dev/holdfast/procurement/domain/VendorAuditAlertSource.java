package dev.holdfast.procurement.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.holdfast.notifications.AlertCondition;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.AlertSource;
import dev.holdfast.notifications.AlertThreshold;
import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** VENDOR_AUDIT_OVERDUE: vendors whose next audit was due before today ("vendor:&lt;id&gt;:audit:&lt;dueDate&gt;"). */
@Component
class VendorAuditAlertSource implements AlertSource {

    private final JdbcClient jdbc;

    VendorAuditAlertSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.VENDOR_AUDIT_OVERDUE);
    }

    @Override
    public void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out) {
        if (kind != AlertKind.VENDOR_AUDIT_OVERDUE) {
            return;
        }
        jdbc.sql("select id, name, next_audit_due from vendors where tenant_id = ? and next_audit_due < ?")
                .params(TenantContext.require(), today).query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    LocalDate due = rs.getObject("next_audit_due", LocalDate.class);
                    out.accept(new AlertCondition(kind, "vendor:" + id + ":audit:" + due,
                            "Audit of " + rs.getString("name") + " is overdue",
                            "The vendor's audit was due on " + due + ".", "/vendors/" + id));
                });
    }
}
