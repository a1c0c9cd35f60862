package dev.holdfast.procurement.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The company's procurement settings: whether licences may have more seats assigned than bought. */
@Service
public class ProcurementSettings {

    /** The settings of one company. */
    public record Values(boolean allowOverAllocation) {
    }

    private static final List<Field> FIELDS = List.of(
            Field.required("allowOverAllocation", "allow_over_allocation", Field.Type.BOOLEAN));

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ProcurementSettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Values current() {
        return jdbc.sql("select allow_over_allocation from procurement_settings where tenant_id = ?")
                .param(TenantContext.require()).query(Boolean.class).optional().map(Values::new)
                .orElse(new Values(false));
    }

    @Transactional
    public Values update(Map<String, ?> body) {
        Values before = current();
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, Set.of(), false, "the procurement settings");
        boolean allow = values.isEmpty() ? before.allowOverAllocation() : (Boolean) values.values().iterator().next();
        jdbc.sql("insert into procurement_settings (tenant_id, allow_over_allocation) values (?, ?) on conflict (tenant_id) "
                + "do update set allow_over_allocation = excluded.allow_over_allocation, updated_at = now()")
                .params(TenantContext.require(), allow).update();
        Values after = new Values(allow);
        audit.record("procurement.settings_updated", "procurement_settings", TenantContext.require().toString(),
                Map.of("allowOverAllocation", before.allowOverAllocation()), Map.of("allowOverAllocation", allow));
        return after;
    }
}
