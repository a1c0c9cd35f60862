package dev.holdfast.fleet.domain;

import java.util.UUID;

import dev.holdfast.fleet.BleFilter;
import dev.holdfast.fleet.TagFilterSource;
import dev.holdfast.platform.TenantTransactions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The BLE filter devices receive (at enrolment and on a config refresh): the admins' filter, narrowed to the tags. */
@Component
public class DeviceBleFilter {

    private final FleetSettings settings;
    private final TenantTransactions transactions;
    private final ObjectProvider<TagFilterSource> sources;

    DeviceBleFilter(FleetSettings settings, TenantTransactions transactions, ObjectProvider<TagFilterSource> sources) {
        this.settings = settings;
        this.transactions = transactions;
        this.sources = sources;
    }

    public BleFilter forDevices(UUID tenant) {
        BleFilter filter = transactions.inTenant(tenant, settings::bleFilter);
        for (TagFilterSource source : sources) {
            filter = source.narrow(tenant, filter);
        }
        return filter;
    }
}
