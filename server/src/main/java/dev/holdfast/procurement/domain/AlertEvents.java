package dev.holdfast.procurement.domain;

import dev.holdfast.notifications.AlertInputsChanged;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the alert evaluation (inside the changing transaction) that inputs of some alert kinds changed. */
@Component
class AlertEvents {

    private final ApplicationEventPublisher events;

    AlertEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void changed(AlertKind... kinds) {
        for (AlertKind kind : kinds) {
            events.publishEvent(new AlertInputsChanged(TenantContext.require(), kind));
        }
    }
}
