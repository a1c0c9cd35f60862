package dev.holdfast.tracking.domain;

import java.util.List;
import java.util.UUID;

import dev.holdfast.fleet.DeviceFieldDataErased;
import dev.holdfast.platform.TenantTransactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an admin erases a device's field data, everything derived from its batches goes too: the pass estimates and
 * handlings recorded from them, and — rebuilt from what remains — the positions, "moved" handlings and visits of the
 * assets they were about. Kept in the event publication registry until done, so a crash loses nothing.
 */
@Component
class DerivedDataErasure {

    private static final Logger log = LoggerFactory.getLogger(DerivedDataErasure.class);

    private final TenantTransactions transactions;
    private final TrackingStore store;
    private final TrackingUpdates updates;

    DerivedDataErasure(TenantTransactions transactions, TrackingStore store, TrackingUpdates updates) {
        this.transactions = transactions;
        this.store = store;
        this.updates = updates;
    }

    @ApplicationModuleListener
    void on(DeviceFieldDataErased event) {
        UUID tenant = event.tenantId();
        int assets = transactions.inTenant(tenant, () -> {
            List<UUID> touched = store.deleteOfDevice(tenant, event.deviceId());
            touched.forEach(asset -> updates.rebuild(tenant, asset));
            return touched.size();
        });
        log.info("Erased what a device's field data told about {} asset(s)", assets);
    }
}
