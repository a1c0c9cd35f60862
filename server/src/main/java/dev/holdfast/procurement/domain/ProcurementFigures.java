package dev.holdfast.procurement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.holdfast.platform.TenantContext;
import dev.holdfast.procurement.ProcurementOverview;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procurement figures of the dashboard. The windows match the list filters ({@code expiring=N}), and capacity
 * counts the seat index once, grouped (as the LICENSE_CAPACITY alert does).
 */
@Service
@Transactional(readOnly = true)
class ProcurementFigures implements ProcurementOverview {

    private static final String CONTRACT_WINDOW = "(ends_on between ? and ? or renewal_on between ? and ?)";
    private static final String AT_CAPACITY = """
            from licenses l
            join (select license_id, count(*) as n from license_seats where tenant_id = ? group by license_id) u
              on u.license_id = l.id
            where l.tenant_id = ? and u.n >= l.seats
            """;

    private final JdbcClient jdbc;

    ProcurementFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long licensesExpiring(LocalDate today, int days) {
        return jdbc.sql("select count(*) from licenses where tenant_id = ? and expires_on between ? and ?")
                .params(TenantContext.require(), today, today.plusDays(days)).query(Long.class).single();
    }

    @Override
    public long contractsExpiring(LocalDate today, int days) {
        LocalDate until = today.plusDays(days);
        return jdbc.sql("select count(*) from contracts where tenant_id = ? and " + CONTRACT_WINDOW)
                .params(TenantContext.require(), today, until, today, until).query(Long.class).single();
    }

    @Override
    public List<Item> licensesExpiringSoonest(LocalDate today, int days, int limit) {
        return jdbc.sql("select id, product, expires_on from licenses where tenant_id = ?"
                        + " and expires_on between ? and ? order by expires_on, lower(product), id limit ?")
                .params(TenantContext.require(), today, today.plusDays(days), limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Item(id, rs.getString("product"), "licence expires",
                            rs.getObject("expires_on", LocalDate.class), "/licenses/" + id);
                }).list();
    }

    @Override
    public List<Item> contractsExpiringSoonest(LocalDate today, int days, int limit) {
        LocalDate until = today.plusDays(days);
        // the earlier of the dates inside the window (least() skips the nulls of the one outside)
        return jdbc.sql("""
                        select id, title, auto_renew, renewal_on, on_date from (
                            select id, title, auto_renew, renewal_on,
                                   least(case when ends_on between ? and ? then ends_on end,
                                         case when renewal_on between ? and ? then renewal_on end) as on_date
                            from contracts where tenant_id = ? and """ + CONTRACT_WINDOW + """
                        ) c order by on_date, lower(title), id limit ?""")
                .params(today, until, today, until, TenantContext.require(), today, until, today, until, limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    LocalDate on = rs.getObject("on_date", LocalDate.class);
                    boolean renews = on.equals(rs.getObject("renewal_on", LocalDate.class))
                            || rs.getBoolean("auto_renew");
                    return new Item(id, rs.getString("title"), renews ? "contract renews" : "contract ends", on,
                            "/contracts/" + id);
                }).list();
    }

    @Override
    public long licensesAtCapacity() {
        UUID tenant = TenantContext.require();
        return jdbc.sql("select count(*) " + AT_CAPACITY).params(tenant, tenant).query(Long.class).single();
    }

    @Override
    public long licensesOverAllocated() {
        UUID tenant = TenantContext.require();
        return jdbc.sql("select count(*) " + AT_CAPACITY + " and u.n > l.seats").params(tenant, tenant)
                .query(Long.class).single();
    }

    @Override
    public List<Item> licensesAtCapacity(int limit) {
        UUID tenant = TenantContext.require();
        return jdbc.sql("select l.id, l.product, l.seats, l.expires_on, u.n " + AT_CAPACITY
                        + " order by u.n - l.seats desc, lower(l.product), l.id limit ?")
                .params(tenant, tenant, limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    long used = rs.getLong("n");
                    int seats = rs.getInt("seats");
                    return new Item(id, rs.getString("product"), used + " of " + seats + " seats"
                            + (used > seats ? " (over-allocated)" : ""), rs.getObject("expires_on", LocalDate.class),
                            "/licenses/" + id);
                }).list();
    }

    @Override
    public long vendorAuditsOverdue(LocalDate today) {
        return jdbc.sql("select count(*) from vendors where tenant_id = ? and next_audit_due < ?")
                .params(TenantContext.require(), today).query(Long.class).single();
    }

    @Override
    public List<Item> vendorAuditsOverdue(LocalDate today, int limit) {
        return jdbc.sql("select id, name, next_audit_due from vendors where tenant_id = ? and next_audit_due < ?"
                        + " order by next_audit_due, lower(name), id limit ?")
                .params(TenantContext.require(), today, limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Item(id, rs.getString("name"), "audit was due",
                            rs.getObject("next_audit_due", LocalDate.class), "/vendors/" + id);
                }).list();
    }
}
