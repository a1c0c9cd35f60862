package dev.holdfast.procurement.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current company's software licences; every change audited with the licence key masked. Seats are in
 * {@link Seats}.
 */
@Service
public class Licenses {

    static final String AUDIT_TYPE = "license";

    static final List<Field> FIELDS = List.of(
            Field.required("product", "product", Field.Type.TEXT),
            Field.of("vendorId", "vendor_id", Field.Type.ID),
            Field.of("contractId", "contract_id", Field.Type.ID),
            Field.of("licenseKey", "license_key", Field.Type.LONG_TEXT),
            Field.required("seats", "seats", Field.Type.SEATS),
            Field.of("purchaseDate", "purchase_date", Field.Type.DATE),
            Field.of("purchaseCost", "purchase_cost", Field.Type.MONEY),
            Field.of("expiresOn", "expires_on", Field.Type.DATE),
            Field.of("notes", "notes", Field.Type.LONG_TEXT));
    private static final Set<String> READ_ONLY = Set.of("id", "vendorName", "contractTitle", "seatsUsed", "seatsFree",
            "overAllocated", "createdAt", "updatedAt");
    private static final List<Keyset.Sort> SORTS = List.of(
            new Keyset.Sort("product", "lower(l.product)", "text"),
            new Keyset.Sort("createdAt", "l.created_at", "timestamptz"),
            new Keyset.Sort("updatedAt", "l.updated_at", "timestamptz"));
    static final String USED = "(select count(*) from license_seats s where s.tenant_id = l.tenant_id and s.license_id = l.id)";
    private static final String VIEW = "select l.*, " + USED + """
             as seats_used,
                   (select v.name from vendors v where v.tenant_id = l.tenant_id and v.id = l.vendor_id) as vendor_name,
                   (select c.title from contracts c where c.tenant_id = l.tenant_id and c.id = l.contract_id) as contract_title
            from licenses l
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AlertEvents alerts;
    private final ProcurementSettings settings;

    Licenses(JdbcClient jdbc, AuditTrail audit, AlertEvents alerts, ProcurementSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.alerts = alerts;
        this.settings = settings;
    }

    @Transactional
    public LicenseView create(Map<String, ?> body) {
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, READ_ONLY, true, "a licence");
        checkReferences(values);
        UUID id = UUID.randomUUID();
        Rows.insert(jdbc, "licenses", TenantContext.require(), id, values);
        LicenseView created = get(id);
        audit.record("license.created", AUDIT_TYPE, id.toString(), null, snapshot(created));
        alerts.changed(AlertKind.LICENSE_CAPACITY, AlertKind.LICENSE_EXPIRING);
        return created;
    }

    @Transactional(readOnly = true)
    public LicenseView get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Licence"));
    }

    java.util.Optional<LicenseView> find(UUID id) {
        return jdbc.sql(VIEW + " where l.tenant_id = ? and l.id = ?").params(TenantContext.require(), id)
                .query(Licenses::map).optional();
    }

    @Transactional
    public LicenseView update(UUID id, Map<String, ?> body) {
        lock(id);
        LicenseView before = get(id);
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, READ_ONLY, false, "a licence");
        checkReferences(values);
        Integer seats = (Integer) values.get(FIELDS.get(4));
        if (seats != null && seats < before.seatsUsed() && !settings.current().allowOverAllocation()) {
            throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT,
                    before.seatsUsed() + " seats are assigned; release seats first (or allow over-allocation)",
                    List.of(new ProblemException.FieldProblem("seats", "is less than the " + before.seatsUsed()
                            + " seats assigned")), null);
        }
        Rows.update(jdbc, "licenses", TenantContext.require(), id, values);
        LicenseView after = get(id);
        audit.record("license.updated", AUDIT_TYPE, id.toString(), snapshot(before), snapshot(after));
        if (before.seats() != after.seats()) {
            alerts.changed(AlertKind.LICENSE_CAPACITY);
        }
        if (!Objects.equals(before.expiresOn(), after.expiresOn())) {
            alerts.changed(AlertKind.LICENSE_EXPIRING);
        }
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        lock(id);
        LicenseView before = get(id);
        jdbc.sql("delete from licenses where tenant_id = ? and id = ?").params(TenantContext.require(), id).update();
        audit.record("license.deleted", AUDIT_TYPE, id.toString(), snapshot(before), null);
        alerts.changed(AlertKind.LICENSE_CAPACITY, AlertKind.LICENSE_EXPIRING);
    }

    /**
     * Filters: {@code vendorId}, {@code contractId}; {@code expiringWithin} days (expiry between today and that many
     * days ahead); {@code overAllocated} (more seats assigned than bought).
     */
    @Transactional(readOnly = true)
    public Page<LicenseView> list(ListQuery query, @Nullable UUID vendorId, @Nullable UUID contractId,
            @Nullable Integer expiringWithin, boolean overAllocated) {
        StringBuilder where = new StringBuilder(" where l.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(TenantContext.require()));
        String like = query.like();
        if (like != null) {
            where.append(" and lower(l.product) like ?");
            params.add(like);
        }
        if (vendorId != null) {
            where.append(" and l.vendor_id = ?");
            params.add(vendorId);
        }
        if (contractId != null) {
            where.append(" and l.contract_id = ?");
            params.add(contractId);
        }
        if (expiringWithin != null) {
            LocalDate today = Today.date();
            where.append(" and l.expires_on between ? and ?");
            params.add(today);
            params.add(today.plusDays(expiringWithin));
        }
        if (overAllocated) {
            where.append(" and ").append(USED).append(" > l.seats");
        }
        return Keyset.page(jdbc, VIEW, where.toString(), params, "l.id", query, SORTS, Licenses::map,
                l -> switch (query.sortOf(SORTS).api()) {
                    case "product" -> l.product().toLowerCase(java.util.Locale.ROOT);
                    case "updatedAt" -> l.updatedAt().toString();
                    default -> l.createdAt().toString();
                }, LicenseView::id);
    }

    /** Takes the licence's row lock (seat changes of one licence happen one after another); 404 when missing. */
    int lock(UUID id) {
        return jdbc.sql("select seats from licenses where tenant_id = ? and id = ? for update")
                .params(TenantContext.require(), id).query(Integer.class).optional()
                .orElseThrow(() -> ProblemException.notFound("Licence"));
    }

    private void checkReferences(Map<Field, @Nullable Object> values) {
        UUID tenant = TenantContext.require();
        UUID vendor = (UUID) values.get(FIELDS.get(1));
        if (vendor != null && jdbc.sql("select count(*) from vendors where tenant_id = ? and id = ?")
                .params(tenant, vendor).query(Long.class).single() == 0) {
            throw ProblemException.invalid("vendorId", "is not a vendor of this company");
        }
        UUID contract = (UUID) values.get(FIELDS.get(2));
        if (contract != null && jdbc.sql("select count(*) from contracts where tenant_id = ? and id = ?")
                .params(tenant, contract).query(Long.class).single() == 0) {
            throw ProblemException.invalid("contractId", "is not a contract of this company");
        }
    }

    static LicenseView map(ResultSet rs, int row) throws SQLException {
        int seats = rs.getInt("seats");
        int used = rs.getInt("seats_used");
        return new LicenseView(rs.getObject("id", UUID.class), rs.getString("product"), Rows.uuid(rs, "vendor_id"),
                rs.getString("vendor_name"), Rows.uuid(rs, "contract_id"), rs.getString("contract_title"),
                rs.getString("license_key"), seats, used, used > seats, Rows.date(rs, "purchase_date"),
                rs.getBigDecimal("purchase_cost"), Rows.date(rs, "expires_on"), rs.getString("notes"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }

    /** The audited fields; {@code licenseKey} is masked by the audit trail (its name marks it sensitive). */
    static Map<String, Object> snapshot(LicenseView l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", l.product());
        m.put("vendorId", Rows.string(l.vendorId()));
        m.put("contractId", Rows.string(l.contractId()));
        m.put("licenseKey", l.licenseKey());
        m.put("seats", l.seats());
        m.put("purchaseDate", Rows.string(l.purchaseDate()));
        m.put("purchaseCost", l.purchaseCost() == null ? null : l.purchaseCost().toPlainString());
        m.put("expiresOn", Rows.string(l.expiresOn()));
        m.put("notes", l.notes());
        return m;
    }
}
