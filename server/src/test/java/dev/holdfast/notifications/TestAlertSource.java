package dev.holdfast.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.holdfast.platform.TenantContext;

/**
 * The procurement kinds for the alert machinery's tests: a condition is true for a company from {@code from} to
 * {@code to} (inclusive). Keyed by company, so tests (and other test classes) do not see each other's conditions.
 */
public class TestAlertSource implements AlertSource {

    public record Rule(AlertKind kind, String key, LocalDate from, LocalDate to) {
    }

    private static final Map<UUID, List<Rule>> RULES = new ConcurrentHashMap<>();

    public static void add(UUID tenant, Rule rule) {
        RULES.computeIfAbsent(tenant, t -> new CopyOnWriteArrayList<>()).add(rule);
    }

    @Override
    public Set<AlertKind> kinds() {
        return Set.of(AlertKind.LICENSE_CAPACITY, AlertKind.LICENSE_EXPIRING, AlertKind.CONTRACT_RENEWAL,
                AlertKind.VENDOR_AUDIT_OVERDUE);
    }

    @Override
    public void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out) {
        for (Rule r : RULES.getOrDefault(TenantContext.require(), List.of())) {
            if (r.kind() == kind && !today.isBefore(r.from()) && !today.isAfter(r.to())) {
                out.accept(new AlertCondition(kind, r.key(), "Test " + kind + " " + r.key(),
                        "Condition " + r.key() + " (threshold " + threshold.days() + " days, " + threshold.percent() + " %)",
                        "/licenses/" + r.key().replace(':', '-')));
            }
        }
    }
}
