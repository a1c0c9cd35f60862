package dev.holdfast.procurement.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

/** LICENSE_EXPIRING: licences expiring between today and {@code days} ahead ("license:&lt;id&gt;:expires:&lt;date&gt;"). */
@Component
class LicenseExpiringAlertSource implements AlertSource {

    private final JdbcClient jdbc;

    LicenseExpiringAlertSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.LICENSE_EXPIRING);
    }

    @Override
    public void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out) {
        if (kind != AlertKind.LICENSE_EXPIRING) {
            return;
        }
        jdbc.sql("select id, product, expires_on from licenses where tenant_id = ? and expires_on between ? and ?")
                .params(TenantContext.require(), today, today.plusDays(threshold.days())).query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    LocalDate on = rs.getObject("expires_on", LocalDate.class);
                    long in = ChronoUnit.DAYS.between(today, on);
                    out.accept(new AlertCondition(kind, "license:" + id + ":expires:" + on,
                            rs.getString("product") + " expires " + (in == 0 ? "today" : "in " + in + (in == 1 ? " day" : " days")),
                            "The licence expires on " + on + ".", "/licenses/" + id));
                });
    }
}
