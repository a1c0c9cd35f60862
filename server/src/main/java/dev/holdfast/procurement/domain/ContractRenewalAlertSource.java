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

/**
 * CONTRACT_RENEWAL, two conditions per contract: its renewal date (else its end date) is within {@code days}
 * ("contract:&lt;id&gt;:renewal:&lt;date&gt;"), and its notice deadline — that date minus the notice period — is
 * within {@code days} ("contract:&lt;id&gt;:notice:&lt;date&gt;").
 */
@Component
class ContractRenewalAlertSource implements AlertSource {

    private static final String SQL = """
            select id, title, auto_renew, due, due - notice_days as notice from (
                select id, title, auto_renew, notice_days, coalesce(renewal_on, ends_on) as due
                from contracts where tenant_id = ? and (renewal_on is not null or ends_on is not null)) c
            where due between ? and ? or (notice_days > 0 and due - notice_days between ? and ?)
            """;

    private final JdbcClient jdbc;

    ContractRenewalAlertSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.CONTRACT_RENEWAL);
    }

    @Override
    public void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out) {
        if (kind != AlertKind.CONTRACT_RENEWAL) {
            return;
        }
        LocalDate until = today.plusDays(threshold.days());
        jdbc.sql(SQL).params(TenantContext.require(), today, until, today, until).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            String title = rs.getString("title");
            boolean autoRenew = rs.getBoolean("auto_renew");
            LocalDate due = rs.getObject("due", LocalDate.class);
            LocalDate notice = rs.getObject("notice", LocalDate.class);
            String link = "/contracts/" + id;
            if (!due.isBefore(today) && !due.isAfter(until)) {
                out.accept(new AlertCondition(kind, "contract:" + id + ":renewal:" + due,
                        title + (autoRenew ? " renews " : " ends ") + when(today, due),
                        "The contract " + (autoRenew ? "renews automatically" : "ends") + " on " + due + ".", link));
            }
            if (notice != null && !notice.equals(due) && !notice.isBefore(today) && !notice.isAfter(until)) {
                out.accept(new AlertCondition(kind, "contract:" + id + ":notice:" + notice,
                        "Notice deadline for " + title + " " + when(today, notice),
                        "Give notice by " + notice + " to " + (autoRenew ? "stop the automatic renewal" : "end the contract")
                                + " on " + due + ".", link));
            }
        });
    }

    private static String when(LocalDate today, LocalDate day) {
        long in = ChronoUnit.DAYS.between(today, day);
        return in == 0 ? "today" : "in " + in + (in == 1 ? " day" : " days");
    }
}
