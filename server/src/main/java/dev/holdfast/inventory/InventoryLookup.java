package dev.holdfast.inventory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only look-ups of the current company's assets and people for other modules (procurement: licence seats,
 * contracts, warranties). Every method runs in (or joins) a transaction bound to the current tenant, so another
 * company's ids look exactly like missing ones.
 */
@Component
public class InventoryLookup {

    /** An asset or person to show or pick: id, name and a detail (asset tag, employee number). */
    public record Named(UUID id, String name, @Nullable String detail) {
    }

    /** An asset's warranty: explicit expiry, else purchase date + warranty months. */
    public record Warranty(UUID assetId, String assetTag, String name, @Nullable LocalDate purchaseDate,
            @Nullable Integer warrantyMonths, LocalDate endsOn) {
    }

    private final JdbcClient jdbc;

    InventoryLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean assetExists(UUID id) {
        return assetName(id).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean personExists(UUID id) {
        return personName(id).isPresent();
    }

    @Transactional(readOnly = true)
    public Optional<String> assetName(UUID id) {
        return jdbc.sql("select name from assets where tenant_id = ? and id = ?").params(TenantContext.require(), id)
                .query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<String> personName(UUID id) {
        return jdbc.sql("select name from people where tenant_id = ? and id = ?").params(TenantContext.require(), id)
                .query(String.class).optional();
    }

    /** The assets with these ids that exist (any order). */
    @Transactional(readOnly = true)
    public List<Named> assets(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, asset_tag from assets where tenant_id = ? and id = any(cast(? as uuid[]))")
                .params(TenantContext.require(), ids.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> new Named(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("asset_tag"))).list();
    }

    /** Up to {@code limit} assets whose name or asset tag contains {@code q} (all when blank), by name. */
    @Transactional(readOnly = true)
    public List<Named> findAssets(@Nullable String q, int limit) {
        return jdbc.sql("select id, name, asset_tag from assets where tenant_id = ? and (? = '' or lower(name) like ? "
                        + "or lower(asset_tag) like ?) order by lower(name), id limit ?")
                .params(TenantContext.require(), blank(q), like(q), like(q), limit)
                .query((rs, n) -> new Named(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("asset_tag"))).list();
    }

    /** Up to {@code limit} people whose name contains {@code q} (all when blank), by name. */
    @Transactional(readOnly = true)
    public List<Named> findPeople(@Nullable String q, int limit) {
        return jdbc.sql("select id, name, employee_number from people where tenant_id = ? and (? = '' or lower(name) like ?) "
                        + "order by lower(name), id limit ?")
                .params(TenantContext.require(), blank(q), like(q), limit)
                .query((rs, n) -> new Named(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("employee_number"))).list();
    }

    /**
     * Assets whose warranty ends between {@code from} and {@code to} (inclusive; null = open), by end date then id,
     * starting after ({@code afterEnd}, {@code afterId}) when given.
     */
    @Transactional(readOnly = true)
    public List<Warranty> warranties(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable LocalDate afterEnd,
            @Nullable UUID afterId, int limit) {
        // the stored warranty_ends_on (V501) and its index (tenant_id, warranty_ends_on): plain date comparisons are
        // leakproof, so row-level security lets them into the index condition
        StringBuilder sql = new StringBuilder("select a.id, a.asset_tag, a.name, a.purchase_date, a.warranty_months,"
                + " a.warranty_ends_on from assets a where a.tenant_id = ? and a.warranty_ends_on is not null");
        List<Object> params = new java.util.ArrayList<>(List.of(TenantContext.require()));
        if (from != null) {
            sql.append(" and a.warranty_ends_on >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" and a.warranty_ends_on <= ?");
            params.add(to);
        }
        if (afterEnd != null && afterId != null) {
            sql.append(" and (a.warranty_ends_on, a.id) > (?, ?)");
            params.add(afterEnd);
            params.add(afterId);
        }
        sql.append(" order by a.warranty_ends_on, a.id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            int months = rs.getInt("warranty_months");
            Integer warrantyMonths = rs.wasNull() ? null : months;
            return new Warranty(rs.getObject("id", UUID.class), rs.getString("asset_tag"), rs.getString("name"),
                    rs.getObject("purchase_date", LocalDate.class), warrantyMonths,
                    rs.getObject("warranty_ends_on", LocalDate.class));
        }).list();
    }

    private static String blank(@Nullable String q) {
        return q == null ? "" : q.strip();
    }

    private static String like(@Nullable String q) {
        return "%" + blank(q).toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
