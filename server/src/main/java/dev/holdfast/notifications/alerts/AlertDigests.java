package dev.holdfast.notifications.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.AlertRecipients;
import dev.holdfast.platform.TenantTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The daily digest: once a day, from the company's digest hour in its time zone on, one mail per recipient listing the
 * alerts raised (with digest delivery) since the last digest. The company's settings row is locked while a digest is
 * sent, so two nodes never send the same day's digest twice.
 */
@Service
public class AlertDigests {

    private final TenantTransactions transactions;
    private final AlertSettingsStore settingsStore;
    private final AlertStore store;
    private final AlertRecipients recipients;
    private final AlertMails mails;
    private final JdbcClient jdbc;

    AlertDigests(TenantTransactions transactions, AlertSettingsStore settingsStore, AlertStore store,
            AlertRecipients recipients, AlertMails mails, JdbcClient jdbc) {
        this.transactions = transactions;
        this.settingsStore = settingsStore;
        this.store = store;
        this.recipients = recipients;
        this.mails = mails;
        this.jdbc = jdbc;
    }

    /** Sends the company's digest if it is due at {@code now}; returns the number of mails queued. */
    public int sendIfDue(UUID tenant, Instant now) {
        return transactions.inTenant(tenant, () -> {
            AlertSettings settings = settingsStore.load(tenant);
            ZonedDateTime local = now.atZone(settings.timeZone());
            LocalDate day = local.toLocalDate();
            if (local.getHour() < settings.digestHour()) {
                return 0;
            }
            jdbc.sql("insert into alert_settings (tenant_id) values (?) on conflict do nothing").param(tenant).update();
            LocalDate last = jdbc.sql("select last_digest_on from alert_settings where tenant_id = ? for update")
                    .param(tenant).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
            if (day.equals(last)) {
                return 0;
            }
            List<RaisedAlert> pending = store.pendingDigest(tenant);
            int sent = 0;
            if (!pending.isEmpty()) {
                String company = recipients.companyName(tenant);
                for (Map.Entry<String, List<RaisedAlert>> e : byRecipient(tenant, settings, pending).entrySet()) {
                    mails.digest(tenant, company, day, e.getValue(), e.getKey());
                    sent++;
                }
                store.markDigested(tenant, pending);
            }
            jdbc.sql("update alert_settings set last_digest_on = ? where tenant_id = ?").params(day, tenant).update();
            return sent;
        });
    }

    private Map<String, List<RaisedAlert>> byRecipient(UUID tenant, AlertSettings settings, List<RaisedAlert> pending) {
        Map<AlertKind, List<String>> addressesByKind = new EnumMap<>(AlertKind.class);
        Map<String, List<RaisedAlert>> result = new LinkedHashMap<>();
        for (RaisedAlert alert : pending) {
            List<String> addresses = addressesByKind.computeIfAbsent(alert.kind(), kind -> {
                KindSettings k = settings.kind(kind);
                if (!k.enabled()) {
                    return List.of();
                }
                List<AlertRecipients.Recipient> members = k.roles().isEmpty() ? List.of()
                        : recipients.members(tenant, k.roles());
                return AlertEvaluator.addresses(members, k.emails());
            });
            for (String to : addresses) {
                result.computeIfAbsent(to, x -> new ArrayList<>()).add(alert);
            }
        }
        return result;
    }
}
