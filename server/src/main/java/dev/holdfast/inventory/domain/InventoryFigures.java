package dev.holdfast.inventory.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.holdfast.inventory.InventoryOverview;
import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inventory's figures for the dashboard: grouped counts and the warranty window (stored warranty_ends_on, V501). */
@Service
@Transactional(readOnly = true)
class InventoryFigures implements InventoryOverview {

    private final JdbcClient jdbc;

    InventoryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long totalAssets() {
        return jdbc.sql("select count(*) from assets where tenant_id = ?").param(TenantContext.require())
                .query(Long.class).single();
    }

    @Override
    public List<Count> countsByStatus() {
        return counts("status_labels", "status_id");
    }

    @Override
    public List<Count> countsByCategory() {
        return counts("categories", "category_id");
    }

    private List<Count> counts(String table, String column) {
        UUID tenant = TenantContext.require();
        return jdbc.sql("select coalesce((select r.name from " + table + " r where r.tenant_id = g.tenant_id and r.id = g.ref),"
                        + " 'None'), g.n from (select tenant_id, " + column + " as ref, count(*) as n from assets"
                        + " where tenant_id = ? group by tenant_id, " + column + ") g order by g.n desc, 1")
                .param(tenant).query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    @Override
    public long warrantiesEnding(LocalDate today, int days) {
        return jdbc.sql("select count(*) from assets where tenant_id = ? and warranty_ends_on between ? and ?")
                .params(TenantContext.require(), today, today.plusDays(days)).query(Long.class).single();
    }

    @Override
    public List<WarrantyEnd> warrantiesEndingSoonest(LocalDate today, int days, int limit) {
        return jdbc.sql("select id, asset_tag, name, warranty_ends_on from assets where tenant_id = ?"
                        + " and warranty_ends_on between ? and ? order by warranty_ends_on, asset_tag limit ?")
                .params(TenantContext.require(), today, today.plusDays(days), limit)
                .query((rs, n) -> new WarrantyEnd(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    @Override
    public long auditsDue(LocalDate today) {
        return jdbc.sql("select count(*) from assets where tenant_id = ? and next_audit_on is not null"
                        + " and next_audit_on <= ?")
                .params(TenantContext.require(), today).query(Long.class).single();
    }
}
