package dev.holdfast.inventory.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How many assets the current company has, in all and per status kind (the home page's counts). */
@Component
public class AssetSummary {

    /** The status kinds in the order pages show them; assets without a status count as {@code NONE}. */
    public static final String[] KINDS = {"DEPLOYABLE", "PENDING", "UNDEPLOYABLE", "ARCHIVED", "NONE"};

    /** Totals; {@code byKind} has every kind of {@link #KINDS}, zero when none. */
    public record Counts(long total, Map<String, Long> byKind) {
    }

    private final JdbcClient jdbc;

    AssetSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
            byKind.put(kind, 0L);
        }
        jdbc.sql("""
                select coalesce(s.kind, 'NONE') as kind, count(*) as n
                from assets a left join status_labels s on s.tenant_id = a.tenant_id and s.id = a.status_id
                where a.tenant_id = ? group by 1
                """).param(TenantContext.require())
                .query(rs -> {
                    byKind.put(rs.getString("kind"), rs.getLong("n"));
                });
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        return new Counts(total, byKind);
    }
}
