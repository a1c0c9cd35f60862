package dev.holdfast.inventory.domain;

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

/**
 * Warranties expiring: every asset whose warranty ends (warranty_expires_on, else purchase_date + warranty_months) from
 * today to today + N days inclusive. One range scan of {@code assets_warranty_ends_idx} on the stored
 * {@code warranty_ends_on} (V501), streamed. The key
 * carries the end date, so a changed warranty is a new condition.
 */
@Component
class WarrantyAlertSource implements AlertSource {


    private final JdbcClient jdbc;

    WarrantyAlertSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.WARRANTY_EXPIRING);
    }

    @Override
    public void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out) {
        if (kind != AlertKind.WARRANTY_EXPIRING) {
            return;
        }
        jdbc.sql("select id, asset_tag, name, warranty_ends_on from assets"
                        + " where tenant_id = ? and warranty_ends_on between ? and ?")
                .params(TenantContext.require(), today, today.plusDays(threshold.days()))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String tag = rs.getString(2);
                    String name = rs.getString(3);
                    LocalDate ends = rs.getObject(4, LocalDate.class);
                    long days = ends.toEpochDay() - today.toEpochDay();
                    String when = days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
                    out.accept(new AlertCondition(kind, "asset:" + id + ":" + ends,
                            "Warranty of " + name + " (" + tag + ") ends " + when,
                            "The warranty of asset " + tag + " (" + name + ") ends on " + ends + ".",
                            "/assets/" + id));
                });
    }
}
