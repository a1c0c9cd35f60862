package dev.holdfast.tracking.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.holdfast.fleet.BleFilter;
import dev.holdfast.fleet.TagFilterSource;

import org.springframework.stereotype.Component;

/**
 * Narrows what collectors upload to the company's registered tags: the proximity UUIDs of its iBeacons (with those the
 * admins set), the namespaces of its Eddystone tags, the addresses of its {@code mac:} tags (up to
 * {@link #MAX_MACS}). A whole UUID or namespace, not each tag: tags bought together share them, so a tag registered
 * later is still in the retained uploads. Before any tag of a kind is registered, that kind stays as the admins set it.
 */
@Component
class RegisteredTagFilter implements TagFilterSource {

    static final int MAX_MACS = 1000;

    private final TagRegistry registry;

    RegisteredTagFilter(TagRegistry registry) {
        this.registry = registry;
    }

    @Override
    public BleFilter narrow(UUID tenantId, BleFilter configured) {
        TagRegistry.Registered tags = registry.of(tenantId);
        List<UUID> uuids = new ArrayList<>(configured.ibeaconUuids());
        Set<String> registeredUuids = tags.prefixes("ibeacon");
        if (!configured.ibeaconUuids().isEmpty() || !registeredUuids.isEmpty()) {
            Set<UUID> all = new LinkedHashSet<>(uuids);
            registeredUuids.forEach(u -> all.add(UUID.fromString(u)));
            uuids = new ArrayList<>(all);
        }
        List<String> namespaces = new ArrayList<>(tags.prefixes("eddystone"));
        namespaces.addAll(configured.eddystoneNamespaces());
        List<String> macs = new ArrayList<>(tags.prefixes("mac"));
        macs.addAll(configured.macs());
        return new BleFilter(configured.families(), uuids, namespaces.stream().distinct().toList(),
                macs.stream().distinct().limit(MAX_MACS).toList());
    }
}
