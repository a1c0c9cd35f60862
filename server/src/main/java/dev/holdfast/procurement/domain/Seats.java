package dev.holdfast.procurement.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.inventory.InventoryLookup;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigning a licence's seats to people or assets and releasing them. Never more seats than bought unless the
 * company allows over-allocation (409 otherwise); changes of one licence are serialized by its row lock.
 */
@Service
public class Seats {

    private static final List<Field> FIELDS = List.of(
            Field.of("personId", "person_id", Field.Type.ID),
            Field.of("assetId", "asset_id", Field.Type.ID));
    private static final String VIEW = """
            select s.*, (select p.name from people p where p.tenant_id = s.tenant_id and p.id = s.person_id) as person_name,
                   (select a.name from assets a where a.tenant_id = s.tenant_id and a.id = s.asset_id) as asset_name
            from license_seats s
            """;

    private final JdbcClient jdbc;
    private final Licenses licenses;
    private final ProcurementSettings settings;
    private final InventoryLookup inventory;
    private final AuditTrail audit;
    private final AlertEvents alerts;

    Seats(JdbcClient jdbc, Licenses licenses, ProcurementSettings settings, InventoryLookup inventory, AuditTrail audit,
            AlertEvents alerts) {
        this.jdbc = jdbc;
        this.licenses = licenses;
        this.settings = settings;
        this.inventory = inventory;
        this.audit = audit;
        this.alerts = alerts;
    }

    /** The licence's seats, oldest first. */
    @Transactional(readOnly = true)
    public List<SeatView> list(UUID licenseId) {
        licenses.get(licenseId);
        return jdbc.sql(VIEW + " where s.tenant_id = ? and s.license_id = ? order by s.assigned_at, s.id")
                .params(TenantContext.require(), licenseId).query(Seats::map).list();
    }

    /** Assigns a seat to {@code personId} or {@code assetId} (exactly one, of this company). */
    @Transactional
    public SeatView assign(UUID licenseId, Map<String, ?> body) {
        UUID tenant = TenantContext.require();
        int seats = licenses.lock(licenseId);
        Map<Field, @Nullable Object> values = Field.parse(body, FIELDS, Set.of(), false, "a seat");
        UUID person = (UUID) values.get(FIELDS.get(0));
        UUID asset = (UUID) values.get(FIELDS.get(1));
        if (person == null && asset == null) {
            throw ProblemException.invalid("personId", "give a personId or an assetId");
        }
        if (person != null && asset != null) {
            throw ProblemException.invalid("assetId", "give a personId or an assetId, not both");
        }
        if (person != null && !inventory.personExists(person)) {
            throw ProblemException.invalid("personId", "is not a person of this company");
        }
        if (asset != null && !inventory.assetExists(asset)) {
            throw ProblemException.invalid("assetId", "is not an asset of this company");
        }
        String holder = person != null ? "person_id" : "asset_id";
        UUID holderId = person != null ? person : asset;
        if (jdbc.sql("select count(*) from license_seats where tenant_id = ? and license_id = ? and " + holder + " = ?")
                .params(tenant, licenseId, holderId).query(Long.class).single() > 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "This " + (person != null ? "person" : "asset")
                    + " already holds a seat of the licence", List.of(new ProblemException.FieldProblem(
                            person != null ? "personId" : "assetId", "already holds a seat")), null);
        }
        int used = used(licenseId);
        if (used >= seats && !settings.current().allowOverAllocation()) {
            throw ProblemException.conflict("All " + seats + " seats of the licence are assigned; release one, add seats "
                    + "or let an Admin allow over-allocation");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into license_seats (tenant_id, id, license_id, " + holder + ") values (?, ?, ?, ?)")
                .params(tenant, id, licenseId, holderId).update();
        SeatView seat = get(licenseId, id);
        LicenseView license = licenses.get(licenseId);
        audit.record("license.seat_assigned", Licenses.AUDIT_TYPE, licenseId.toString(),
                Map.of("seatsUsed", used), seatChange(seat, used + 1));
        if (asset != null) {
            audit.record("license.seat_assigned", "asset", asset.toString(), null,
                    Map.of("license", license.product(), "licenseId", licenseId.toString()));
        }
        alerts.changed(AlertKind.LICENSE_CAPACITY);
        return seat;
    }

    @Transactional
    public void release(UUID licenseId, UUID seatId) {
        licenses.lock(licenseId);
        SeatView seat = get(licenseId, seatId);
        int used = used(licenseId);
        jdbc.sql("delete from license_seats where tenant_id = ? and id = ?").params(TenantContext.require(), seatId)
                .update();
        LicenseView license = licenses.get(licenseId);
        audit.record("license.seat_released", Licenses.AUDIT_TYPE, licenseId.toString(), seatChange(seat, used),
                Map.of("seatsUsed", used - 1));
        if (seat.assetId() != null) {
            audit.record("license.seat_released", "asset", seat.assetId().toString(),
                    Map.of("license", license.product(), "licenseId", licenseId.toString()), null);
        }
        alerts.changed(AlertKind.LICENSE_CAPACITY);
    }

    private SeatView get(UUID licenseId, UUID seatId) {
        return jdbc.sql(VIEW + " where s.tenant_id = ? and s.license_id = ? and s.id = ?")
                .params(TenantContext.require(), licenseId, seatId).query(Seats::map).optional()
                .orElseThrow(() -> ProblemException.notFound("Seat"));
    }

    private int used(UUID licenseId) {
        return jdbc.sql("select count(*) from license_seats where tenant_id = ? and license_id = ?")
                .params(TenantContext.require(), licenseId).query(Integer.class).single();
    }

    private static Map<String, Object> seatChange(SeatView seat, int used) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("seatsUsed", used);
        m.put("seatId", seat.id().toString());
        if (seat.personId() != null) {
            m.put("personId", seat.personId().toString());
            m.put("person", seat.personName());
        } else {
            m.put("assetId", String.valueOf(seat.assetId()));
            m.put("asset", seat.assetName());
        }
        return m;
    }

    static SeatView map(ResultSet rs, int row) throws SQLException {
        return new SeatView(rs.getObject("id", UUID.class), rs.getObject("license_id", UUID.class),
                Rows.uuid(rs, "person_id"), rs.getString("person_name"), Rows.uuid(rs, "asset_id"),
                rs.getString("asset_name"), Rows.instant(rs, "assigned_at"));
    }
}
