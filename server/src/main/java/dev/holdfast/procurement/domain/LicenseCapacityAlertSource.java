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

/**
 * LICENSE_CAPACITY: a licence with more seats assigned than bought ("license:&lt;id&gt;:over"), else one with at
 * least {@code percent} of its seats assigned ("license:&lt;id&gt;:capacity"). One grouped pass over the seat index.
 */
@Component
class LicenseCapacityAlertSource implements AlertSource {

    private static final String SQL = """
            with used as (select license_id, count(*) as n from license_seats where tenant_id = ? group by license_id)
            select l.id, l.product, l.seats, u.n
            from licenses l join used u on u.license_id = l.id
            where l.tenant_id = ? and (u.n > l.seats or (l.seats > 0 and u.n * 100 >= cast(l.seats as bigint) * ?))
            """;

    private final JdbcClient jdbc;

    LicenseCapacityAlertSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.LICENSE_CAPACITY);
    }

    @Override
    public void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out) {
        if (kind != AlertKind.LICENSE_CAPACITY) {
            return;
        }
        UUID tenant = TenantContext.require();
        jdbc.sql(SQL).params(tenant, tenant, threshold.percent()).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            String product = rs.getString("product");
            int seats = rs.getInt("seats");
            long used = rs.getLong("n");
            String link = "/licenses/" + id;
            if (used > seats) {
                out.accept(new AlertCondition(kind, "license:" + id + ":over", product + " is over-allocated",
                        used + " seats are assigned but only " + seats + " were bought.", link));
            } else {
                out.accept(new AlertCondition(kind, "license:" + id + ":capacity", product + " is nearly full",
                        used + " of " + seats + " seats are assigned (" + (used * 100 / seats) + "%).", link));
            }
        });
    }
}
