package dev.holdfast.procurement.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.inventory.InventoryLookup;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current company's contracts with vendors and the assets they cover; every change audited. */
@Service
public class Contracts {

    static final String AUDIT_TYPE = "contract";

    static final List<Field> FIELDS = List.of(
            Field.required("vendorId", "vendor_id", Field.Type.ID),
            Field.required("title", "title", Field.Type.TEXT),
            Field.of("number", "number", Field.Type.TEXT),
            Field.of("startsOn", "starts_on", Field.Type.DATE),
            Field.of("endsOn", "ends_on", Field.Type.DATE),
            Field.of("renewalOn", "renewal_on", Field.Type.DATE),
            Field.of("noticeDays", "notice_days", Field.Type.DAYS),
            Field.of("autoRenew", "auto_renew", Field.Type.BOOLEAN),
            Field.of("value", "value", Field.Type.MONEY),
            Field.of("currency", "currency", Field.Type.CURRENCY),
            Field.of("notes", "notes", Field.Type.LONG_TEXT),
            Field.of("assetIds", "", Field.Type.IDS));
    private static final Set<String> READ_ONLY = Set.of("id", "vendorName", "noticeDeadline", "licenses", "createdAt",
            "updatedAt");
    private static final List<Keyset.Sort> SORTS = List.of(
            new Keyset.Sort("title", "lower(c.title)", "text"),
            new Keyset.Sort("createdAt", "c.created_at", "timestamptz"),
            new Keyset.Sort("updatedAt", "c.updated_at", "timestamptz"));
    private static final String VIEW = """
            select c.*, v.name as vendor_name,
                   coalesce(c.renewal_on, c.ends_on) - c.notice_days as notice_deadline,
                   array(select ca.asset_id from contract_assets ca where ca.tenant_id = c.tenant_id
                         and ca.contract_id = c.id order by ca.asset_id) as asset_ids,
                   (select count(*) from licenses l where l.tenant_id = c.tenant_id and l.contract_id = c.id) as n_licenses
            from contracts c
            join vendors v on v.tenant_id = c.tenant_id and v.id = c.vendor_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AlertEvents alerts;
    private final InventoryLookup inventory;

    Contracts(JdbcClient jdbc, AuditTrail audit, AlertEvents alerts, InventoryLookup inventory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.alerts = alerts;
        this.inventory = inventory;
    }

    @Transactional
    public ContractView create(Map<String, ?> body) {
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, READ_ONLY, true, "a contract");
        UUID tenant = TenantContext.require();
        check(values, null);
        if (value(values, "autoRenew") == null) {
            values.remove(field("autoRenew"));
        }
        UUID id = UUID.randomUUID();
        Rows.insert(jdbc, "contracts", tenant, id, values);
        setAssets(tenant, id, values);
        ContractView created = get(id);
        audit.record("contract.created", AUDIT_TYPE, id.toString(), null, snapshot(created));
        alerts.changed(AlertKind.CONTRACT_RENEWAL);
        return created;
    }

    @Transactional(readOnly = true)
    public ContractView get(UUID id) {
        return jdbc.sql(VIEW + " where c.tenant_id = ? and c.id = ?").params(TenantContext.require(), id)
                .query(Contracts::map).optional().orElseThrow(() -> ProblemException.notFound("Contract"));
    }

    @Transactional
    public ContractView update(UUID id, Map<String, ?> body) {
        ContractView before = get(id);
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, READ_ONLY, false, "a contract");
        if (values.containsKey(field("autoRenew")) && value(values, "autoRenew") == null) {
            values.put(field("autoRenew"), false);
        }
        check(values, before);
        UUID tenant = TenantContext.require();
        Rows.update(jdbc, "contracts", tenant, id, values);
        setAssets(tenant, id, values);
        ContractView after = get(id);
        audit.record("contract.updated", AUDIT_TYPE, id.toString(), snapshot(before), snapshot(after));
        if (!Objects.equals(before.endsOn(), after.endsOn()) || !Objects.equals(before.renewalOn(), after.renewalOn())
                || !Objects.equals(before.noticeDeadline(), after.noticeDeadline())) {
            alerts.changed(AlertKind.CONTRACT_RENEWAL);
        }
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        ContractView before = get(id);
        jdbc.sql("delete from contracts where tenant_id = ? and id = ?").params(TenantContext.require(), id).update();
        audit.record("contract.deleted", AUDIT_TYPE, id.toString(), snapshot(before), null);
        alerts.changed(AlertKind.CONTRACT_RENEWAL);
    }

    /**
     * Filters: {@code vendorId}; {@code expiringWithin} days: the end or renewal date falls between today and that
     * many days ahead.
     */
    @Transactional(readOnly = true)
    public Page<ContractView> list(ListQuery query, @Nullable UUID vendorId, @Nullable Integer expiringWithin) {
        StringBuilder where = new StringBuilder(" where c.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(TenantContext.require()));
        String like = query.like();
        if (like != null) {
            where.append(" and (lower(c.title) like ? or lower(c.number) like ? or lower(v.name) like ?)");
            params.addAll(List.of(like, like, like));
        }
        if (vendorId != null) {
            where.append(" and c.vendor_id = ?");
            params.add(vendorId);
        }
        if (expiringWithin != null) {
            LocalDate today = Today.date();
            LocalDate until = today.plusDays(expiringWithin);
            where.append(" and (c.ends_on between ? and ? or c.renewal_on between ? and ?)");
            params.addAll(List.of(today, until, today, until));
        }
        return Keyset.page(jdbc, VIEW, where.toString(), params, "c.id", query, SORTS, Contracts::map,
                c -> switch (query.sortOf(SORTS).api()) {
                    case "title" -> c.title().toLowerCase(java.util.Locale.ROOT);
                    case "updatedAt" -> c.updatedAt().toString();
                    default -> c.createdAt().toString();
                }, ContractView::id);
    }

    /** Every contract by title, for pickers (at most 1,000). */
    @Transactional(readOnly = true)
    public List<Choice> choices() {
        return jdbc.sql("select id, title from contracts where tenant_id = ? order by lower(title), id limit 1000")
                .param(TenantContext.require())
                .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("title"))).list();
    }

    /** The vendor must be this company's; the end not before the start; covered assets must exist. */
    private void check(Map<Field, @Nullable Object> values, @Nullable ContractView before) {
        UUID vendor = (UUID) value(values, "vendorId");
        if (vendor != null && jdbc.sql("select count(*) from vendors where tenant_id = ? and id = ?")
                .params(TenantContext.require(), vendor).query(Long.class).single() == 0) {
            throw ProblemException.invalid("vendorId", "is not a vendor of this company");
        }
        LocalDate starts = values.containsKey(field("startsOn")) ? (LocalDate) value(values, "startsOn")
                : before == null ? null : before.startsOn();
        LocalDate ends = values.containsKey(field("endsOn")) ? (LocalDate) value(values, "endsOn")
                : before == null ? null : before.endsOn();
        if (starts != null && ends != null && ends.isBefore(starts)) {
            throw ProblemException.invalid("endsOn", "cannot be before the start date");
        }
        @SuppressWarnings("unchecked")
        List<UUID> assets = (List<UUID>) value(values, "assetIds");
        if (assets != null) {
            Set<UUID> found = new java.util.HashSet<>();
            inventory.assets(assets).forEach(a -> found.add(a.id()));
            for (int i = 0; i < assets.size(); i++) {
                if (!found.contains(assets.get(i))) {
                    throw ProblemException.invalid("assetIds[" + i + "]", "is not an asset of this company");
                }
            }
        }
    }

    private void setAssets(UUID tenant, UUID id, Map<Field, @Nullable Object> values) {
        if (!values.containsKey(field("assetIds"))) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> assets = (List<UUID>) value(values, "assetIds");
        jdbc.sql("delete from contract_assets where tenant_id = ? and contract_id = ?").params(tenant, id).update();
        if (assets != null && !assets.isEmpty()) {
            jdbc.sql("insert into contract_assets (tenant_id, contract_id, asset_id) "
                    + "select ?, ?, unnest(cast(? as uuid[]))")
                    .params(tenant, id, assets.stream().map(UUID::toString).toArray(String[]::new)).update();
        }
    }

    private static Field field(String json) {
        return FIELDS.stream().filter(f -> f.json().equals(json)).findFirst().orElseThrow();
    }

    private static @Nullable Object value(Map<Field, @Nullable Object> values, String json) {
        return values.get(field(json));
    }

    static ContractView map(ResultSet rs, int row) throws SQLException {
        Array ids = rs.getArray("asset_ids");
        List<UUID> assetIds = ids == null ? List.of() : Arrays.stream((Object[]) ids.getArray())
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
        return new ContractView(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                rs.getString("vendor_name"), rs.getString("title"), rs.getString("number"), Rows.date(rs, "starts_on"),
                Rows.date(rs, "ends_on"), Rows.date(rs, "renewal_on"), Rows.integer(rs, "notice_days"),
                Rows.date(rs, "notice_deadline"), rs.getBoolean("auto_renew"), rs.getBigDecimal("value"),
                rs.getString("currency"), rs.getString("notes"), assetIds, rs.getInt("n_licenses"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    static Map<String, Object> snapshot(ContractView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendorId", c.vendorId().toString());
        m.put("title", c.title());
        m.put("number", c.number());
        m.put("startsOn", Rows.string(c.startsOn()));
        m.put("endsOn", Rows.string(c.endsOn()));
        m.put("renewalOn", Rows.string(c.renewalOn()));
        m.put("noticeDays", c.noticeDays());
        m.put("autoRenew", c.autoRenew());
        m.put("value", c.value() == null ? null : c.value().toPlainString());
        m.put("currency", c.currency());
        m.put("notes", c.notes());
        m.put("assetIds", String.join(", ", c.assetIds().stream().map(UUID::toString).toList()));
        return m;
    }
}
