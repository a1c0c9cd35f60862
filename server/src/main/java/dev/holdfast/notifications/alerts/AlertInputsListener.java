package dev.holdfast.notifications.alerts;

import dev.holdfast.notifications.AlertInputsChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Re-evaluates one kind of one company after a change to its inputs was committed. */
@Component
class AlertInputsListener {

    private final AlertEvaluator evaluator;

    AlertInputsListener(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @ApplicationModuleListener
    void on(AlertInputsChanged event) {
        evaluator.evaluate(event.tenantId(), event.kind(), evaluator.today(event.tenantId()));
    }
}
