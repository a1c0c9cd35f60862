package dev.holdfast.inventory.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds reference rows (category, location, status, …) by id or by name, creating named ones on first use as the
 * API promises. Names match case-insensitively. Runs inside the caller's tenant transaction.
 */
@Component
public class References {

    private final JdbcClient jdbc;
    private final Set<UUID> tenantsWithDefaults = ConcurrentHashMap.newKeySet();

    References(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id for {@code value} (a uuid of an existing row, or a name), creating a named row when missing. */
    public UUID resolveOrCreate(RefKind kind, String value, @Nullable UUID manufacturerForModel) {
        UUID tenant = TenantContext.require();
        String text = value.trim();
        if (text.isEmpty() || text.length() > 200) {
            throw ProblemException.invalid(kind.field(), "must be a name of 1 to 200 characters or an id");
        }
        Optional<UUID> asId = uuid(text);
        if (asId.isPresent()) {
            return exists(kind, tenant, asId.get()).orElseThrow(() ->
                    ProblemException.invalid(kind.field(), "no " + kind.field() + " has this id"));
        }
        Optional<UUID> found = byName(kind, tenant, text, manufacturerForModel);
        if (found.isPresent()) {
            return found.get();
        }
        UUID id = UUID.randomUUID();
        String insert = switch (kind) {
            case STATUS -> "insert into status_labels (tenant_id, id, name, kind) values (?, ?, ?, 'DEPLOYABLE') "
                    + "on conflict do nothing";
            case MODEL -> "insert into models (tenant_id, id, name, manufacturer_id) values (?, ?, ?, ?) on conflict do nothing";
            default -> "insert into " + kind.table + " (tenant_id, id, name) values (?, ?, ?) on conflict do nothing";
        };
        var spec = jdbc.sql(insert).param(tenant).param(id).param(text);
        if (kind == RefKind.MODEL) {
            spec = spec.param(manufacturerForModel);
        }
        if (spec.update() == 0) { // created meanwhile by a concurrent request
            return byName(kind, tenant, text, manufacturerForModel).orElseThrow();
        }
        return id;
    }

    /** The id for a name or id if it exists; never creates (list filters). */
    public Optional<UUID> find(RefKind kind, String value) {
        UUID tenant = TenantContext.require();
        String text = value.trim();
        return uuid(text).flatMap(id -> exists(kind, tenant, id)).or(() -> byName(kind, tenant, text, null));
    }

    /** Creates the default status labels of a company once (idempotent, cheap after the first call per node). */
    public void ensureDefaults() {
        UUID tenant = TenantContext.require();
        if (tenantsWithDefaults.contains(tenant)) {
            return;
        }
        String[][] defaults = {{"Ready to deploy", "DEPLOYABLE"}, {"Deployed", "DEPLOYABLE"}, {"Pending", "PENDING"},
            {"Out for repair", "UNDEPLOYABLE"}, {"Broken", "UNDEPLOYABLE"}, {"Lost or stolen", "UNDEPLOYABLE"},
            {"Archived", "ARCHIVED"}};
        long existing = jdbc.sql("select count(*) from status_labels where tenant_id = ?").param(tenant)
                .query(Long.class).single();
        if (existing == 0) {
            for (String[] d : defaults) {
                jdbc.sql("insert into status_labels (tenant_id, id, name, kind) values (?, ?, ?, ?) on conflict do nothing")
                        .params(tenant, UUID.randomUUID(), d[0], d[1]).update();
            }
        }
        tenantsWithDefaults.add(tenant);
    }

    private Optional<UUID> exists(RefKind kind, UUID tenant, UUID id) {
        return jdbc.sql("select id from " + kind.table + " where tenant_id = ? and id = ?").params(tenant, id)
                .query(UUID.class).optional();
    }

    private Optional<UUID> byName(RefKind kind, UUID tenant, String name, @Nullable UUID manufacturer) {
        if (kind == RefKind.MODEL && manufacturer != null) {
            return jdbc.sql("select id from models where tenant_id = ? and lower(name) = lower(?) and manufacturer_id = ?")
                    .params(tenant, name, manufacturer).query(UUID.class).optional();
        }
        return jdbc.sql("select id from " + kind.table + " where tenant_id = ? and lower(name) = lower(?) "
                + "order by created_at limit 1").params(tenant, name).query(UUID.class).optional();
    }

    static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
