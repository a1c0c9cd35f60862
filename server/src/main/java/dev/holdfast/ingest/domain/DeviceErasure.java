package dev.holdfast.ingest.domain;

import dev.holdfast.fleet.DeviceFieldDataErased;
import dev.holdfast.platform.TenantTransactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an admin erases a device's field data, every uploaded batch of it goes (and its idempotency receipts). The
 * event is kept in the event publication registry until this has run, so a crash in between loses nothing.
 */
@Component
class DeviceErasure {

    private static final Logger log = LoggerFactory.getLogger(DeviceErasure.class);

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;

    DeviceErasure(JdbcClient jdbc, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @ApplicationModuleListener
    void on(DeviceFieldDataErased event) {
        int batches = transactions.inTenant(event.tenantId(), () -> {
            jdbc.sql("delete from ingest_receipts where tenant_id = ? and device_id = ?")
                    .params(event.tenantId(), event.deviceId()).update();
            return jdbc.sql("delete from field_batches where tenant_id = ? and device_id = ?")
                    .params(event.tenantId(), event.deviceId()).update();
        });
        log.info("Erased {} uploaded batch(es) of device {}", batches, event.deviceId());
    }
}
