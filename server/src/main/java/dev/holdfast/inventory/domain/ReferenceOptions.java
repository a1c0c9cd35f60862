package dev.holdfast.inventory.domain;

import java.util.List;
import java.util.UUID;

import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current company's reference rows as choices for the pages' selects and datalists, by name. */
@Component
public class ReferenceOptions {

    /** One choice; {@code kind} only for status labels. */
    public record Option(UUID id, String name, @Nullable String kind) {
    }

    /** Everything an asset form or the list filters offer. */
    public record Choices(List<Option> statuses, List<Option> categories, List<Option> manufacturers,
            List<Option> models, List<Option> locations) {
    }

    private static final int LIMIT = 2000;

    private final JdbcClient jdbc;
    private final References references;

    ReferenceOptions(JdbcClient jdbc, References references) {
        this.jdbc = jdbc;
        this.references = references;
    }

    /** All choices (the default status labels are created for a new company first). */
    @Transactional
    public Choices all() {
        references.ensureDefaults();
        return new Choices(statuses(), named(RefKind.CATEGORY), named(RefKind.MANUFACTURER), named(RefKind.MODEL),
                named(RefKind.LOCATION));
    }

    private List<Option> statuses() {
        return jdbc.sql("select id, name, kind from status_labels where tenant_id = ? order by "
                        + "array_position(array['DEPLOYABLE','PENDING','UNDEPLOYABLE','ARCHIVED'], kind), lower(name)")
                .param(TenantContext.require())
                .query((rs, i) -> new Option(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind")))
                .list();
    }

    private List<Option> named(RefKind kind) {
        return jdbc.sql("select id, name from " + kind.table + " where tenant_id = ? order by lower(name), id limit " + LIMIT)
                .param(TenantContext.require())
                .query((rs, i) -> new Option(rs.getObject("id", UUID.class), rs.getString("name"), null))
                .list();
    }
}
