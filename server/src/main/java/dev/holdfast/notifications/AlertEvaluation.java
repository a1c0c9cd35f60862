package dev.holdfast.notifications;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Evaluates a company's alerts: asks every {@link AlertSource} for the conditions true on {@code today}, raises an alert
 * (in-app notification and e-mail to the configured recipients) for each new condition, clears the alerts whose
 * condition is no longer reported. Safe to call concurrently (on any node): a condition is raised once.
 */
public interface AlertEvaluation {

    /** Every enabled kind of the company, as of {@code today}. Returns how many alerts were raised. */
    int evaluate(UUID tenantId, LocalDate today);

    /** One kind of the company, as of {@code today}. Returns how many alerts were raised. */
    int evaluate(UUID tenantId, AlertKind kind, LocalDate today);
}
