package dev.holdfast.notifications.alerts;

import java.util.Map;
import java.util.UUID;

import dev.holdfast.notifications.AlertInputsChanged;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current company's alert settings; saving re-evaluates every kind (thresholds and recipients take effect). */
@Service
public class AlertSettingsService {

    private final AlertSettingsStore store;
    private final ApplicationEventPublisher events;

    AlertSettingsService(AlertSettingsStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public AlertSettings current() {
        return store.load(TenantContext.require());
    }

    /** Applies the changes in {@code body} (API shape); 422 with every invalid field. */
    @Transactional
    public AlertSettings update(Map<String, ?> body) {
        UUID tenant = TenantContext.require();
        AlertSettings updated = AlertSettingsForm.apply(store.load(tenant), body);
        store.save(tenant, updated);
        for (AlertKind kind : AlertKind.values()) {
            events.publishEvent(new AlertInputsChanged(tenant, kind));
        }
        return updated;
    }
}
