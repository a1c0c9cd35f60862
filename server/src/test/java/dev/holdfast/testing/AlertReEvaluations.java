package dev.holdfast.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the re-evaluations a change starts in the background (every {@code AlertInputsChanged} of a company is an
 * event publication, completed when its listener has run). A test that evaluates at a date of its own waits for them
 * first: they evaluate at the real date and would otherwise clear its alerts at any moment.
 */
public final class AlertReEvaluations {

    private AlertReEvaluations() {
    }

    public static void await(JdbcClient jdbc, UUID tenantId) {
        long until = System.currentTimeMillis() + 20_000;
        while (pending(jdbc, tenantId) > 0 && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(pending(jdbc, tenantId)).as("re-evaluations still pending").isZero();
    }

    private static int pending(JdbcClient jdbc, UUID tenantId) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null "
                + "and event_type like '%AlertInputsChanged' and serialized_event like ?")
                .param("%" + tenantId + "%").query(Integer.class).single();
    }
}
