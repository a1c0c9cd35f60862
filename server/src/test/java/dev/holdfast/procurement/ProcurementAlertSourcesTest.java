package dev.holdfast.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.domain.AssetChanges;
import dev.holdfast.inventory.domain.Assets;
import dev.holdfast.inventory.domain.ReferenceData;
import dev.holdfast.inventory.domain.ReferenceTable;
import dev.holdfast.notifications.AlertCondition;
import dev.holdfast.notifications.AlertInputsChanged;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.AlertSource;
import dev.holdfast.notifications.AlertThreshold;
import dev.holdfast.platform.TenantTransactions;
import dev.holdfast.procurement.domain.Seats;
import dev.holdfast.procurement.domain.Vendors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The procurement alert sources, called directly: given a company's rows and a {@code today}, which condition keys
 * come out, and how they change when the date moves. Another company's rows never show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordApplicationEvents
class ProcurementAlertSourcesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Autowired
    List<AlertSource> sources;
    @Autowired
    TenantTransactions transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Vendors vendors;
    @Autowired
    Seats seats;
    @Autowired
    Assets assets;
    @Autowired
    ReferenceData referenceData;

    UUID tenant;
    UUID otherTenant;

    @BeforeEach
    void companies() {
        tenant = UUID.randomUUID();
        otherTenant = UUID.randomUUID();
    }

    @Test
    void capacityIsReportedAtThePercentAndOverAllocationSeparately() {
        UUID nearlyFull = license(tenant, "Figma", 10, null);
        UUID over = license(tenant, "Jira", 2, null);
        UUID roomy = license(tenant, "Zoom", 100, null);
        license(tenant, "Unused", 0, null);
        seats(tenant, nearlyFull, 8);
        seats(tenant, over, 3);
        seats(tenant, roomy, 5);
        UUID theirs = license(otherTenant, "Theirs", 1, null);
        seats(otherTenant, theirs, 2);

        assertThat(keys(AlertKind.LICENSE_CAPACITY, 0, 80, TODAY))
                .containsExactlyInAnyOrder("license:" + nearlyFull + ":capacity", "license:" + over + ":over");
        assertThat(keys(AlertKind.LICENSE_CAPACITY, 0, 90, TODAY)).containsExactly("license:" + over + ":over");
        List<AlertCondition> found = conditions(AlertKind.LICENSE_CAPACITY, 0, 80, TODAY);
        AlertCondition o = found.stream().filter(c -> c.key().endsWith(":over")).findFirst().orElseThrow();
        assertThat(o.link()).isEqualTo("/licenses/" + over);
        assertThat(o.title()).contains("Jira");
        assertThat(o.kind()).isEqualTo(AlertKind.LICENSE_CAPACITY);
    }

    @Test
    void expiringLicencesAreReportedWithinTheDaysUntilTheyExpire() {
        LocalDate expires = TODAY.plusDays(20);
        UUID id = license(tenant, "Office", 5, expires);
        license(tenant, "Later", 5, TODAY.plusDays(200));
        license(otherTenant, "Theirs", 5, expires);
        String key = "license:" + id + ":expires:" + expires;
        assertThat(keys(AlertKind.LICENSE_EXPIRING, 30, 0, TODAY)).containsExactly(key);
        assertThat(keys(AlertKind.LICENSE_EXPIRING, 10, 0, TODAY)).isEmpty();
        assertThat(keys(AlertKind.LICENSE_EXPIRING, 30, 0, expires)).containsExactly(key);
        assertThat(keys(AlertKind.LICENSE_EXPIRING, 30, 0, expires.plusDays(1))).isEmpty();
        assertThat(keys(AlertKind.LICENSE_EXPIRING, 30, 0, TODAY.minusDays(11))).isEmpty();
        // a renewed licence is a new condition
        transactions.inTenant(tenant, () -> jdbc.sql("update licenses set expires_on = ? where tenant_id = ? and id = ?")
                .params(expires.plusDays(5), tenant, id).update());
        assertThat(keys(AlertKind.LICENSE_EXPIRING, 30, 0, TODAY))
                .containsExactly("license:" + id + ":expires:" + expires.plusDays(5));
    }

    @Test
    void contractsAreReportedForTheirNoticeDeadlineAndTheirRenewal() {
        UUID vendor = vendor(tenant, "Lenovo", null, null);
        LocalDate ends = TODAY.plusDays(40);
        UUID id = contract(tenant, vendor, ends, null, 30);
        UUID renewing = contract(tenant, vendor, TODAY.plusDays(300), TODAY.plusDays(25), null);
        contract(tenant, vendor, null, null, 30);
        UUID theirVendor = vendor(otherTenant, "Theirs", null, null);
        contract(otherTenant, theirVendor, ends, null, 30);

        String notice = "contract:" + id + ":notice:" + ends.minusDays(30);
        String renewal = "contract:" + id + ":renewal:" + ends;
        String other = "contract:" + renewing + ":renewal:" + TODAY.plusDays(25);
        assertThat(keys(AlertKind.CONTRACT_RENEWAL, 30, 0, TODAY)).containsExactlyInAnyOrder(notice, other);
        assertThat(keys(AlertKind.CONTRACT_RENEWAL, 60, 0, TODAY)).containsExactlyInAnyOrder(notice, renewal, other);
        // the notice deadline has passed, the end is near
        assertThat(keys(AlertKind.CONTRACT_RENEWAL, 30, 0, TODAY.plusDays(15))).containsExactlyInAnyOrder(renewal, other);
        assertThat(keys(AlertKind.CONTRACT_RENEWAL, 30, 0, ends.plusDays(1))).isEmpty();
        // a contract extended to a new end date is a new condition
        transactions.inTenant(tenant, () -> jdbc.sql("update contracts set ends_on = ? where tenant_id = ? and id = ?")
                .params(ends.plusYears(1), tenant, id).update());
        assertThat(keys(AlertKind.CONTRACT_RENEWAL, 30, 0, ends.plusYears(1).minusDays(20)))
                .containsExactly("contract:" + id + ":renewal:" + ends.plusYears(1));
    }

    @Test
    void vendorAuditsAreOverdueTheDayAfterTheyWereDue() {
        UUID audited = vendor(tenant, "Dell", 12, LocalDate.of(2025, 6, 15));
        vendor(tenant, "No cadence", null, LocalDate.of(2020, 1, 1));
        vendor(otherTenant, "Theirs", 1, LocalDate.of(2020, 1, 1));
        String key = "vendor:" + audited + ":audit:2026-06-15";
        assertThat(keys(AlertKind.VENDOR_AUDIT_OVERDUE, 0, 0, LocalDate.of(2026, 6, 15))).isEmpty();
        assertThat(keys(AlertKind.VENDOR_AUDIT_OVERDUE, 0, 0, LocalDate.of(2026, 6, 16))).containsExactly(key);
        AlertCondition c = conditions(AlertKind.VENDOR_AUDIT_OVERDUE, 0, 0, LocalDate.of(2026, 7, 1)).get(0);
        assertThat(c.link()).isEqualTo("/vendors/" + audited);
        assertThat(c.title()).contains("Dell");
    }

    @Test
    void changesTellTheAlertEvaluationWhatChanged() {
        UUID vendor = vendor(tenant, "Dell", 12, LocalDate.of(2020, 1, 1));
        UUID license = license(tenant, "Office", 5, null);
        UUID person = person(tenant, "Pat");
        events.clear();
        transactions.inTenant(tenant, () -> vendors.recordAudit(vendor, Map.of("result", "PASSED")));
        transactions.inTenant(tenant, () -> seats.assign(license, Map.of("personId", person.toString())));
        assertThat(events.stream(AlertInputsChanged.class)).containsExactly(
                new AlertInputsChanged(tenant, AlertKind.VENDOR_AUDIT_OVERDUE),
                new AlertInputsChanged(tenant, AlertKind.LICENSE_CAPACITY));
    }

    @Test
    void deletingAPersonOrAnAssetThatHoldsSeatsReEvaluatesTheCapacity() {
        UUID license = license(tenant, "Office", 5, null);
        UUID holder = person(tenant, "Pat");
        UUID bystander = person(tenant, "Sam");
        UUID laptop = asset(tenant, "Laptop");
        UUID spare = asset(tenant, "Spare");
        transactions.inTenant(tenant, () -> seats.assign(license, Map.of("personId", holder.toString())));
        transactions.inTenant(tenant, () -> seats.assign(license, Map.of("assetId", laptop.toString())));
        events.clear();

        // neither holds a seat: no capacity re-evaluation
        transactions.inTenant(tenant, () -> referenceData.delete(ReferenceTable.PEOPLE, bystander));
        transactions.inTenant(tenant, () -> assets.delete(spare));
        assertThat(capacityEvents()).isEmpty();

        transactions.inTenant(tenant, () -> referenceData.delete(ReferenceTable.PEOPLE, holder));
        assertThat(capacityEvents()).containsExactly(new AlertInputsChanged(tenant, AlertKind.LICENSE_CAPACITY));
        events.clear();
        transactions.inTenant(tenant, () -> assets.delete(laptop));
        assertThat(capacityEvents()).containsExactly(new AlertInputsChanged(tenant, AlertKind.LICENSE_CAPACITY));

        // the seats went with their holders, and the licence's history says so
        assertThat(transactions.inTenant(tenant, () -> seats.list(license))).isEmpty();
        assertThat(transactions.inTenant(tenant, () -> jdbc.sql("select count(*) from audit_events where target_id = ? "
                + "and action = 'license.seat_released'").param(license.toString()).query(Long.class).single()))
                .isEqualTo(2L);
    }

    private UUID asset(UUID company, String name) {
        return transactions.inTenant(company, () -> assets.create(AssetChanges.from(Map.of("name", name), true)).id());
    }

    private List<AlertInputsChanged> capacityEvents() {
        return events.stream(AlertInputsChanged.class).filter(e -> e.kind() == AlertKind.LICENSE_CAPACITY).toList();
    }

    @Test
    void tenThousandLicencesAreEvaluatedInOnePass() {
        transactions.inTenant(tenant, () -> {
            jdbc.sql("insert into licenses (tenant_id, id, product, seats, expires_on) select ?, gen_random_uuid(), "
                    + "'Product ' || g, 10, ? + (g % 365) from generate_series(1, 10000) g").params(tenant, TODAY).update();
            jdbc.sql("insert into people (tenant_id, id, name) select ?, gen_random_uuid(), 'Person ' || g "
                    + "from generate_series(1, 12) g").params(tenant).update();
            // licence n gets n % 12 seats: 8 and 9 reach 80 %, 10 is full, 11 is over-allocated
            jdbc.sql("""
                    insert into license_seats (tenant_id, id, license_id, person_id)
                    select ?, gen_random_uuid(), l.id, p.id
                    from (select id, row_number() over (order by id) as rn from licenses where tenant_id = ?) l
                    cross join lateral (select id from people where tenant_id = ? order by id limit (l.rn % 12)) p
                    """).params(tenant, tenant, tenant).update();
            jdbc.sql("analyze licenses").update();
            jdbc.sql("analyze license_seats").update();
        });
        List<String> capacity = keys(AlertKind.LICENSE_CAPACITY, 0, 80, TODAY);
        List<String> expiring = keys(AlertKind.LICENSE_EXPIRING, 30, 0, TODAY);
        // rank % 12 in {8, 9, 10, 11} reaches 80 % of 10 seats: 833 licences each; 11 is over-allocated
        assertThat(capacity).hasSize(4 * 833).doesNotHaveDuplicates();
        assertThat(capacity.stream().filter(k -> k.endsWith(":over")).count()).isEqualTo(833L);
        // expires today + (g % 365): within 30 days when g % 365 <= 30 (the time is measured by bench/alerts.sh)
        long within30 = java.util.stream.IntStream.rangeClosed(1, 10_000).filter(g -> g % 365 <= 30).count();
        assertThat(expiring).hasSize((int) within30);
    }

    private List<String> keys(AlertKind kind, int days, int percent, LocalDate today) {
        return conditions(kind, days, percent, today).stream().map(AlertCondition::key).toList();
    }

    private List<AlertCondition> conditions(AlertKind kind, int days, int percent, LocalDate today) {
        AlertSource source = sources.stream().filter(s -> s.kinds().contains(kind)).findFirst().orElseThrow();
        List<AlertCondition> out = new ArrayList<>();
        transactions.inTenant(tenant, () -> source.findConditions(kind, new AlertThreshold(kind, days, percent), today,
                out::add));
        return out;
    }

    private UUID license(UUID company, String product, int seatCount, LocalDate expires) {
        UUID id = UUID.randomUUID();
        transactions.inTenant(company, () -> jdbc.sql("insert into licenses (tenant_id, id, product, seats, expires_on) "
                + "values (?, ?, ?, ?, ?)").params(company, id, product, seatCount, expires).update());
        return id;
    }

    private void seats(UUID company, UUID license, int n) {
        for (int i = 0; i < n; i++) {
            UUID person = person(company, "Person " + i);
            transactions.inTenant(company, () -> jdbc.sql("insert into license_seats (tenant_id, id, license_id, person_id) "
                    + "values (?, ?, ?, ?)").params(company, UUID.randomUUID(), license, person).update());
        }
    }

    private UUID person(UUID company, String name) {
        UUID id = UUID.randomUUID();
        transactions.inTenant(company, () -> jdbc.sql("insert into people (tenant_id, id, name) values (?, ?, ?)")
                .params(company, id, name).update());
        return id;
    }

    private UUID vendor(UUID company, String name, Integer cadence, LocalDate lastAudit) {
        UUID id = UUID.randomUUID();
        transactions.inTenant(company, () -> jdbc.sql("insert into vendors (tenant_id, id, name, audit_cadence_months, "
                + "last_audit_on) values (?, ?, ?, ?, ?)").params(company, id, name, cadence, lastAudit).update());
        return id;
    }

    private UUID contract(UUID company, UUID vendor, LocalDate ends, LocalDate renewal, Integer noticeDays) {
        UUID id = UUID.randomUUID();
        transactions.inTenant(company, () -> jdbc.sql("insert into contracts (tenant_id, id, vendor_id, title, ends_on, "
                + "renewal_on, notice_days) values (?, ?, ?, ?, ?, ?, ?)")
                .params(company, id, vendor, "Contract " + id, ends, renewal, noticeDays).update());
        return id;
    }
}
