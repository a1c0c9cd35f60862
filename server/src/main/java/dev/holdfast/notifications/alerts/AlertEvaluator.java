package dev.holdfast.notifications.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.holdfast.notifications.AlertCondition;
import dev.holdfast.notifications.AlertEvaluation;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.AlertRecipients;
import dev.holdfast.notifications.AlertSource;
import dev.holdfast.platform.TenantTransactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Evaluates one company's kind in one transaction bound to the company: an advisory lock on (company, kind) makes
 * concurrent evaluations (two nodes, the job and an incremental re-evaluation) run one after the other; the sources'
 * conditions are compared with the open alerts by key; new ones are raised (in-app notifications, e-mails or digest),
 * missing ones cleared. A disabled kind clears its open alerts and raises nothing.
 */
@Service
public class AlertEvaluator implements AlertEvaluation {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final TenantTransactions transactions;
    private final AlertSettingsStore settingsStore;
    private final AlertStore store;
    private final List<AlertSource> sources;
    private final AlertRecipients recipients;
    private final AlertMails mails;
    private final Clock clock;

    AlertEvaluator(TenantTransactions transactions, AlertSettingsStore settingsStore, AlertStore store,
            List<AlertSource> sources, AlertRecipients recipients, AlertMails mails, Clock clock) {
        this.transactions = transactions;
        this.settingsStore = settingsStore;
        this.store = store;
        this.sources = sources;
        this.recipients = recipients;
        this.mails = mails;
        this.clock = clock;
    }

    @Override
    public int evaluate(UUID tenantId, LocalDate today) {
        int raised = 0;
        for (AlertKind kind : AlertKind.values()) {
            raised += evaluate(tenantId, kind, today);
        }
        return raised;
    }

    @Override
    public int evaluate(UUID tenantId, AlertKind kind, LocalDate today) {
        return transactions.inTenant(tenantId, () -> evaluateInTransaction(tenantId, kind, today));
    }

    /** The company's date now, in its alert time zone. */
    public LocalDate today(UUID tenantId) {
        Instant now = clock.instant();
        return transactions.inTenant(tenantId, () -> LocalDate.ofInstant(now, settingsStore.load(tenantId).timeZone()));
    }

    private int evaluateInTransaction(UUID tenant, AlertKind kind, LocalDate today) {
        store.lock(tenant, kind);
        KindSettings settings = settingsStore.load(tenant).kind(kind);
        Instant now = clock.instant();
        if (!settings.enabled()) {
            store.clearAll(tenant, kind, now);
            return 0;
        }
        Map<String, AlertCondition> found = new LinkedHashMap<>();
        for (AlertSource source : sources) {
            if (source.kinds().contains(kind)) {
                source.findConditions(kind, settings.threshold(), today, c -> {
                    if (c.kind() == kind) {
                        found.putIfAbsent(c.key(), c);
                    }
                });
            }
        }
        Set<String> open = store.openKeys(tenant, kind);
        Set<String> gone = new HashSet<>(open);
        gone.removeAll(found.keySet());
        int cleared = gone.isEmpty() ? 0 : store.clear(tenant, kind, gone, now);
        List<AlertCondition> fresh = new ArrayList<>();
        for (AlertCondition c : found.values()) {
            if (!open.contains(c.key())) {
                fresh.add(c);
            }
        }
        List<RaisedAlert> raised = fresh.isEmpty() ? List.of()
                : store.raise(tenant, fresh, now, settings.delivery() == Delivery.DIGEST);
        if (!raised.isEmpty()) {
            deliver(tenant, kind, settings, raised);
        }
        if (!raised.isEmpty() || cleared > 0) {
            log.info("Alerts {} of company {} on {}: {} raised, {} cleared, {} open", kind, tenant, today,
                    raised.size(), cleared, found.size());
        }
        return raised.size();
    }

    private void deliver(UUID tenant, AlertKind kind, KindSettings settings, List<RaisedAlert> raised) {
        List<AlertRecipients.Recipient> members = settings.roles().isEmpty() ? List.of()
                : recipients.members(tenant, settings.roles());
        store.notify(tenant, raised, members.stream().map(AlertRecipients.Recipient::userId).toList());
        if (settings.delivery() == Delivery.IMMEDIATE) {
            String company = recipients.companyName(tenant);
            for (String to : addresses(members, settings.emails())) {
                mails.immediate(tenant, company, kind, raised, to);
            }
        }
    }

    /** Member addresses and extra addresses, each once (case-insensitively), in a stable order. */
    static List<String> addresses(List<AlertRecipients.Recipient> members, List<String> extra) {
        Map<String, String> byLower = new TreeMap<>();
        for (AlertRecipients.Recipient r : members) {
            byLower.putIfAbsent(r.email().toLowerCase(Locale.ROOT), r.email());
        }
        for (String e : extra) {
            byLower.putIfAbsent(e.toLowerCase(Locale.ROOT), e);
        }
        return List.copyOf(byLower.values());
    }
}
