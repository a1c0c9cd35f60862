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

/** The current company's vendors (suppliers) and their audits; every change goes into the audit history. */
@Service
public class Vendors {

    static final String AUDIT_TYPE = "vendor";
    public static final List<String> AUDIT_RESULTS = List.of("PASSED", "CONCERNS", "FAILED");

    static final List<Field> FIELDS = List.of(
            Field.required("name", "name", Field.Type.TEXT),
            Field.of("contactName", "contact_name", Field.Type.TEXT),
            Field.of("email", "email", Field.Type.EMAIL),
            Field.of("phone", "phone", Field.Type.TEXT),
            Field.of("website", "website", Field.Type.URL),
            Field.of("address", "address", Field.Type.LONG_TEXT),
            Field.of("notes", "notes", Field.Type.LONG_TEXT),
            Field.of("auditCadenceMonths", "audit_cadence_months", Field.Type.MONTHS),
            Field.of("lastAuditOn", "last_audit_on", Field.Type.DATE));
    private static final Set<String> READ_ONLY = Set.of("id", "nextAuditDue", "auditOverdue", "lastAuditResult",
            "contracts", "licenses", "createdAt", "updatedAt");
    private static final List<Keyset.Sort> SORTS = List.of(
            new Keyset.Sort("name", "lower(v.name)", "text"),
            new Keyset.Sort("createdAt", "v.created_at", "timestamptz"),
            new Keyset.Sort("updatedAt", "v.updated_at", "timestamptz"));
    private static final String VIEW = """
            select v.*, v.next_audit_due < ? as overdue,
                   (select count(*) from contracts c where c.tenant_id = v.tenant_id and c.vendor_id = v.id) as n_contracts,
                   (select count(*) from licenses l where l.tenant_id = v.tenant_id and l.vendor_id = v.id) as n_licenses
            from vendors v
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AlertEvents alerts;

    Vendors(JdbcClient jdbc, AuditTrail audit, AlertEvents alerts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.alerts = alerts;
    }

    @Transactional
    public VendorView create(Map<String, ?> body) {
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, READ_ONLY, true, "a vendor");
        UUID id = UUID.randomUUID();
        Rows.insert(jdbc, "vendors", TenantContext.require(), id, values);
        VendorView created = get(id);
        audit.record("vendor.created", AUDIT_TYPE, id.toString(), null, snapshot(created));
        alerts.changed(AlertKind.VENDOR_AUDIT_OVERDUE);
        return created;
    }

    @Transactional(readOnly = true)
    public VendorView get(UUID id) {
        return jdbc.sql(VIEW + " where v.tenant_id = ? and v.id = ?").params(Today.date(), TenantContext.require(), id)
                .query(Vendors::map).optional().orElseThrow(() -> ProblemException.notFound("Vendor"));
    }

    @Transactional
    public VendorView update(UUID id, Map<String, ?> body) {
        VendorView before = get(id);
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, READ_ONLY, false, "a vendor");
        Rows.update(jdbc, "vendors", TenantContext.require(), id, values);
        VendorView after = get(id);
        audit.record("vendor.updated", AUDIT_TYPE, id.toString(), snapshot(before), snapshot(after));
        if (!Objects.equals(before.nextAuditDue(), after.nextAuditDue())) {
            alerts.changed(AlertKind.VENDOR_AUDIT_OVERDUE);
        }
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        VendorView before = get(id);
        if (before.contracts() > 0) {
            throw ProblemException.conflict("The vendor has " + before.contracts()
                    + " contract(s); delete them or move them to another vendor first");
        }
        jdbc.sql("delete from vendors where tenant_id = ? and id = ?").params(TenantContext.require(), id).update();
        audit.record("vendor.deleted", AUDIT_TYPE, id.toString(), snapshot(before), null);
        alerts.changed(AlertKind.VENDOR_AUDIT_OVERDUE);
    }

    /** Records an audit: {@code auditedOn} (default today), {@code result} (PASSED, CONCERNS, FAILED), {@code notes}. */
    @Transactional
    public VendorView recordAudit(UUID id, Map<String, ?> body) {
        VendorView before = get(id);
        Map<Field, @Nullable Object> values = Field.parse(body, List.of(
                Field.of("auditedOn", "audited_on", Field.Type.DATE),
                Field.required("result", "result", Field.Type.TEXT),
                Field.of("notes", "notes", Field.Type.LONG_TEXT)), Set.of(), true, "an audit");
        LocalDate on = (LocalDate) values.entrySet().stream().filter(e -> e.getKey().json().equals("auditedOn"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        LocalDate today = Today.date();
        if (on == null) {
            on = today;
        } else if (on.isAfter(today)) {
            throw ProblemException.invalid("auditedOn", "cannot be in the future");
        }
        String result = null;
        String notes = null;
        for (Map.Entry<Field, @Nullable Object> e : values.entrySet()) {
            if (e.getKey().json().equals("result")) {
                result = ((String) e.getValue()).toUpperCase(java.util.Locale.ROOT);
            } else if (e.getKey().json().equals("notes")) {
                notes = (String) e.getValue();
            }
        }
        if (!AUDIT_RESULTS.contains(result)) {
            throw ProblemException.invalid("result", "must be one of " + String.join(", ", AUDIT_RESULTS));
        }
        UUID tenant = TenantContext.require();
        jdbc.sql("insert into vendor_audits (tenant_id, id, vendor_id, audited_on, result, notes) values (?, ?, ?, ?, ?, ?)")
                .params(tenant, UUID.randomUUID(), id, on, result, notes).update();
        // the vendor shows the latest audit (an audit recorded late for an earlier day does not replace a newer one)
        jdbc.sql("""
                update vendors set (last_audit_on, last_audit_result, updated_at) =
                    (select a.audited_on, a.result, now() from vendor_audits a where a.tenant_id = vendors.tenant_id
                     and a.vendor_id = vendors.id order by a.audited_on desc, a.recorded_at desc limit 1)
                where tenant_id = ? and id = ?""").params(tenant, id).update();
        VendorView after = get(id);
        audit.record("vendor.audited", AUDIT_TYPE, id.toString(), snapshot(before), snapshot(after));
        alerts.changed(AlertKind.VENDOR_AUDIT_OVERDUE);
        return after;
    }

    @Transactional(readOnly = true)
    public List<VendorAudit> audits(UUID id) {
        get(id);
        return jdbc.sql("select * from vendor_audits where tenant_id = ? and vendor_id = ? "
                + "order by audited_on desc, recorded_at desc limit 200").params(TenantContext.require(), id)
                .query((rs, n) -> new VendorAudit(rs.getObject("id", UUID.class), Rows.date(rs, "audited_on"),
                        rs.getString("result"), rs.getString("notes"), Rows.instant(rs, "recorded_at"))).list();
    }

    /** {@code auditOverdue}: only vendors whose next audit is due before today. */
    @Transactional(readOnly = true)
    public Page<VendorView> list(ListQuery query, boolean auditOverdue) {
        StringBuilder where = new StringBuilder(" where v.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(Today.date(), TenantContext.require()));
        String like = query.like();
        if (like != null) {
            where.append(" and (lower(v.name) like ? or lower(v.contact_name) like ?)");
            params.add(like);
            params.add(like);
        }
        if (auditOverdue) {
            where.append(" and v.next_audit_due < ?");
            params.add(Today.date());
        }
        return Keyset.page(jdbc, VIEW, where.toString(), params, "v.id", query, SORTS, Vendors::map,
                v -> sortValue(v, query), VendorView::id);
    }

    /** Every vendor by name, for pickers (at most 1,000). */
    @Transactional(readOnly = true)
    public List<Choice> choices() {
        return jdbc.sql("select id, name from vendors where tenant_id = ? order by lower(name), id limit 1000")
                .param(TenantContext.require())
                .query((rs, n) -> new Choice(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    private static String sortValue(VendorView v, ListQuery query) {
        return switch (query.sortOf(SORTS).api()) {
            case "name" -> v.name().toLowerCase(java.util.Locale.ROOT);
            case "updatedAt" -> v.updatedAt().toString();
            default -> v.createdAt().toString();
        };
    }

    static VendorView map(ResultSet rs, int row) throws SQLException {
        return new VendorView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("website"), rs.getString("address"),
                rs.getString("notes"), Rows.integer(rs, "audit_cadence_months"), Rows.date(rs, "last_audit_on"),
                rs.getString("last_audit_result"), Rows.date(rs, "next_audit_due"), rs.getBoolean("overdue"),
                rs.getInt("n_contracts"), rs.getInt("n_licenses"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    static Map<String, Object> snapshot(VendorView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        m.put("contactName", v.contactName());
        m.put("email", v.email());
        m.put("phone", v.phone());
        m.put("website", v.website());
        m.put("address", v.address());
        m.put("notes", v.notes());
        m.put("auditCadenceMonths", v.auditCadenceMonths());
        m.put("lastAuditOn", Rows.string(v.lastAuditOn()));
        m.put("lastAuditResult", v.lastAuditResult());
        return m;
    }
}
