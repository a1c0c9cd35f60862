package dev.holdfast.inventory.domain;

import java.util.UUID;

import dev.holdfast.notifications.AlertInputsChanged;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.TenantContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes {@link AlertInputsChanged} (warranty) when assets' purchase or warranty fields change, at most once per
 * transaction (a bulk change or an import re-evaluates the company once, after it commits).
 */
@Component
class WarrantyChanges {

    private static final Object KEY = new Object();

    private final ApplicationEventPublisher events;

    WarrantyChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** After a create or update: only when it touched the purchase date or the warranty. */
    void afterChange(AssetChanges changes) {
        if (changes.fields.containsKey(AssetField.PURCHASE_DATE) || changes.fields.containsKey(AssetField.WARRANTY_MONTHS)
                || changes.fields.containsKey(AssetField.WARRANTY_EXPIRES_ON)) {
            changed();
        }
    }

    void changed() {
        UUID tenant = TenantContext.require();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(KEY)) {
                return;
            }
            TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
        }
        events.publishEvent(new AlertInputsChanged(tenant, AlertKind.WARRANTY_EXPIRING));
    }
}
