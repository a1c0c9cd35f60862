package dev.holdfast.procurement;

import static dev.holdfast.testing.Mails.freePort;
import static dev.holdfast.testing.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import dev.holdfast.accounts.Role;
import dev.holdfast.notifications.AlertEvaluation;
import dev.holdfast.notifications.AlertKind;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.AlertReEvaluations;
import dev.holdfast.testing.Outbox;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Issue 5 end to end through the real procurement alert sources: a company's vendors, contracts, licences and seats are
 * made over the API, its alert settings send every kind to its Admins and to an extra address at once, the evaluation
 * is called with explicit dates (the clock moves), and what a user notices is checked: the Admin's notifications over
 * the API, and the mails a real SMTP server received. Changes made over the API re-evaluate the kind at once (as of
 * the real date, after the change committed); the tests wait for those re-evaluations before they move the clock.
 */
@TestPropertySource(properties = "holdfast.mail.poll-interval=200ms")
class ProcurementAlertsEndToEndTest extends WebTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /** The real date: what the API uses for "audited today" and for the re-evaluation after a change. */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** A day far enough ahead that nothing is due yet on the real date. */
    static final LocalDate D = TODAY.plusYears(1);

    @Autowired
    AlertEvaluation evaluation;

    /** A company whose alerts go to its Admins (in-app and by mail) and to an extra address, at once. */
    record Company(String name, TestAccounts.Person owner, TestAccounts.Person admin, String extra, ApiClient api) {
        UUID tenant() {
            return owner.tenantId();
        }
    }

    Company a;
    Company b;

    @BeforeEach
    void companies() {
        a = company("Northwind Traders");
        b = company("Contoso & Partners");
    }

    // --- each kind: raised once as the date moves into the condition, cleared when it ends, raised again ---

    @Test
    void licenceCapacityIsRaisedOnceWhenTheSeatsReachTheThresholdClearedWhenSeatsAreReleasedAndRaisedAgain()
            throws Exception {
        String license = a.api().post("/api/v1/licenses", Map.of("product", "Figma", "seats", 5)).json()
                .get("id").asString();
        List<String> seats = new ArrayList<>();
        for (String name : List.of("Ann", "Ben", "Cem")) {
            seats.add(seat(a, license, name));
        }
        awaitReEvaluations(a);
        assertThat(evaluation.evaluate(a.tenant(), D)).as("3 of 5 seats are below 80 %").isZero();
        assertThat(notifications(a.admin())).isEmpty();

        seats.add(seat(a, license, "Dee")); // 4 of 5: 80 %
        awaitReEvaluations(a);
        String key = "license:" + license + ":capacity";
        assertThat(openKeys(a, AlertKind.LICENSE_CAPACITY)).containsExactly(key);
        assertThat(evaluation.evaluate(a.tenant(), D)).isZero();
        assertThat(evaluation.evaluate(a.tenant(), D.plusDays(1))).isZero();
        seats.add(seat(a, license, "Eve")); // full: still the same condition
        awaitReEvaluations(a);
        assertThat(evaluation.evaluate(a.tenant(), D.plusDays(2))).isZero();

        JsonNode mine = notifications(a.admin());
        assertThat(mine).hasSize(1);
        assertNotification(mine.get(0), AlertKind.LICENSE_CAPACITY, "Figma", "/licenses/" + license);
        assertThat(mine.get(0).get("message").asString()).contains("4 of 5 seats");
        MimeMessage mail = awaitMails(a.extra(), 1).get(0);
        assertMail(mail, a, "Figma is nearly full", "/licenses/" + license);
        assertThat(Outbox.count(jdbc, a.extra(), "alert")).isEqualTo(1);
        assertThat(Outbox.count(jdbc, a.admin().email(), "alert")).isEqualTo(1);
        // the settings send it to Admins only: the Owner is not told
        assertThat(notifications(a.owner())).isEmpty();
        assertThat(Outbox.count(jdbc, a.owner().email(), "alert")).isZero();

        // two seats released: 3 of 5, the condition ended
        assertThat(a.api().delete("/api/v1/licenses/" + license + "/seats/" + seats.get(4)).status()).isEqualTo(204);
        assertThat(a.api().delete("/api/v1/licenses/" + license + "/seats/" + seats.get(3)).status()).isEqualTo(204);
        awaitReEvaluations(a);
        assertThat(openKeys(a, AlertKind.LICENSE_CAPACITY)).isEmpty();
        assertThat(evaluation.evaluate(a.tenant(), D.plusDays(3))).isZero();
        assertThat(notifications(a.admin())).hasSize(1);

        // one assigned again: 80 % again, a new alert
        seat(a, license, "Fay");
        awaitReEvaluations(a);
        assertThat(openKeys(a, AlertKind.LICENSE_CAPACITY)).containsExactly(key);
        assertThat(evaluation.evaluate(a.tenant(), D.plusDays(4))).isZero();
        assertThat(notifications(a.admin())).hasSize(2);
        awaitMails(a.extra(), 2);
        assertThat(Outbox.count(jdbc, a.extra(), "alert")).isEqualTo(2);
    }

    @Test
    void licenceExpiringIsRaisedOnceThirtyDaysAheadClearedAfterTheDayAndRaisedAgainForTheRenewedDate()
            throws Exception {
        String license = a.api().post("/api/v1/licenses", Map.of("product", "Microsoft 365", "seats", 50,
                "expiresOn", D.toString())).json().get("id").asString();
        awaitReEvaluations(a);

        assertThat(evaluation.evaluate(a.tenant(), D.minusDays(31))).isZero();
        assertThat(evaluation.evaluate(a.tenant(), D.minusDays(30))).isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), D.minusDays(29))).isZero();
        assertThat(evaluation.evaluate(a.tenant(), D)).isZero();
        assertThat(openKeys(a, AlertKind.LICENSE_EXPIRING)).containsExactly("license:" + license + ":expires:" + D);

        JsonNode mine = notifications(a.admin());
        assertThat(mine).hasSize(1);
        assertNotification(mine.get(0), AlertKind.LICENSE_EXPIRING, "Microsoft 365 expires in 30 days",
                "/licenses/" + license);
        MimeMessage mail = awaitMails(a.extra(), 1).get(0);
        assertMail(mail, a, "Microsoft 365 expires in 30 days", "/licenses/" + license);
        assertThat(part(mail, "text/plain")).contains(D.toString());
        assertThat(Outbox.count(jdbc, a.extra(), "alert")).isEqualTo(1);

        assertThat(evaluation.evaluate(a.tenant(), D.plusDays(1))).isZero();
        assertThat(openKeys(a, AlertKind.LICENSE_EXPIRING)).as("expired yesterday").isEmpty();

        // renewed for a year: the new expiry date comes near and is a new alert
        LocalDate renewed = D.plusYears(1);
        assertThat(a.api().patch("/api/v1/licenses/" + license, Map.of("expiresOn", renewed.toString())).status())
                .isEqualTo(200);
        awaitReEvaluations(a);
        assertThat(evaluation.evaluate(a.tenant(), renewed.minusDays(31))).isZero();
        assertThat(evaluation.evaluate(a.tenant(), renewed.minusDays(30))).isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), renewed.minusDays(29))).isZero();
        assertThat(openKeys(a, AlertKind.LICENSE_EXPIRING)).containsExactly("license:" + license + ":expires:" + renewed);
        assertThat(notifications(a.admin())).hasSize(2);
        List<MimeMessage> mails = awaitMails(a.extra(), 2);
        assertThat(texts(mails)).anySatisfy(text -> assertThat(text).contains(renewed.toString()));
        assertThat(Outbox.count(jdbc, a.extra(), "alert")).isEqualTo(2);
    }

    @Test
    void contractNoticeDeadlineAndEndAreEachRaisedOnceClearedWhenPastAndRaisedAgainWhenTheContractIsExtended()
            throws Exception {
        String vendor = a.api().post("/api/v1/vendors", Map.of("name", "Lenovo")).json().get("id").asString();
        String contract = a.api().post("/api/v1/contracts", Map.of("vendorId", vendor, "title", "Premier Support",
                "endsOn", D.toString(), "noticeDays", 30)).json().get("id").asString();
        awaitReEvaluations(a);
        LocalDate notice = D.minusDays(30);
        String noticeKey = "contract:" + contract + ":notice:" + notice;
        String endKey = "contract:" + contract + ":renewal:" + D;

        assertThat(evaluation.evaluate(a.tenant(), notice.minusDays(31))).isZero();
        assertThat(evaluation.evaluate(a.tenant(), notice.minusDays(30))).as("notice deadline in 30 days").isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), notice.minusDays(29))).isZero();
        assertThat(openKeys(a, AlertKind.CONTRACT_RENEWAL)).containsExactly(noticeKey);
        assertThat(evaluation.evaluate(a.tenant(), D.minusDays(30))).as("end in 30 days").isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), D.minusDays(29))).isZero();
        assertThat(openKeys(a, AlertKind.CONTRACT_RENEWAL)).as("the notice deadline has passed").containsExactly(endKey);
        assertThat(evaluation.evaluate(a.tenant(), D)).isZero();
        assertThat(evaluation.evaluate(a.tenant(), D.plusDays(1))).isZero();
        assertThat(openKeys(a, AlertKind.CONTRACT_RENEWAL)).as("ended yesterday").isEmpty();

        JsonNode mine = notifications(a.admin());
        assertThat(mine).hasSize(2);
        assertThat(texts(mine, "kind")).containsOnly("CONTRACT_RENEWAL");
        assertThat(texts(mine, "link")).containsOnly("/contracts/" + contract);
        assertThat(texts(mine, "title")).containsExactly("Premier Support ends in 30 days",
                "Notice deadline for Premier Support in 30 days");
        List<MimeMessage> mails = awaitMails(a.extra(), 2);
        assertMail(mailWithSubject(mails, "Notice deadline"), a, "Notice deadline for Premier Support in 30 days",
                "/contracts/" + contract);
        assertMail(mailWithSubject(mails, "ends in"), a, "Premier Support ends in 30 days", "/contracts/" + contract);
        assertThat(Outbox.count(jdbc, a.extra(), "alert")).isEqualTo(2);

        // extended by a year: its new notice deadline is a new alert
        LocalDate extended = D.plusYears(1);
        assertThat(a.api().patch("/api/v1/contracts/" + contract, Map.of("endsOn", extended.toString())).status())
                .isEqualTo(200);
        awaitReEvaluations(a);
        assertThat(evaluation.evaluate(a.tenant(), extended.minusDays(60))).isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), extended.minusDays(59))).isZero();
        assertThat(openKeys(a, AlertKind.CONTRACT_RENEWAL))
                .containsExactly("contract:" + contract + ":notice:" + extended.minusDays(30));
        assertThat(notifications(a.admin())).hasSize(3);
        awaitMails(a.extra(), 3);
    }

    @Test
    void vendorAuditOverdueIsRaisedOnceTheDayAfterItWasDueClearedByRecordingAnAuditAndRaisedWhenTheNextIsOverdue()
            throws Exception {
        JsonNode created = a.api().post("/api/v1/vendors", Map.of("name", "Dell Technologies", "auditCadenceMonths", 12,
                "lastAuditOn", TODAY.minusMonths(6).toString())).json();
        String vendor = created.get("id").asString();
        LocalDate due = LocalDate.parse(created.get("nextAuditDue").asString());
        assertThat(created.get("auditOverdue").asBoolean()).isFalse();
        awaitReEvaluations(a);

        assertThat(evaluation.evaluate(a.tenant(), due)).as("due today is not overdue").isZero();
        assertThat(evaluation.evaluate(a.tenant(), due.plusDays(1))).isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), due.plusDays(2))).isZero();
        assertThat(openKeys(a, AlertKind.VENDOR_AUDIT_OVERDUE)).containsExactly("vendor:" + vendor + ":audit:" + due);

        JsonNode mine = notifications(a.admin());
        assertThat(mine).hasSize(1);
        assertNotification(mine.get(0), AlertKind.VENDOR_AUDIT_OVERDUE, "Audit of Dell Technologies is overdue",
                "/vendors/" + vendor);
        MimeMessage mail = awaitMails(a.extra(), 1).get(0);
        assertMail(mail, a, "Audit of Dell Technologies is overdue", "/vendors/" + vendor);
        assertThat(part(mail, "text/plain")).contains(due.toString());

        // the audit is recorded (today): the alert is cleared at once and stays cleared
        ApiClient.Reply audited = a.api().post("/api/v1/vendors/" + vendor + "/audits", Map.of("result", "PASSED"));
        assertThat(audited.status()).isEqualTo(201);
        LocalDate next = LocalDate.parse(audited.json().get("nextAuditDue").asString());
        awaitReEvaluations(a);
        assertThat(openKeys(a, AlertKind.VENDOR_AUDIT_OVERDUE)).isEmpty();
        assertThat(evaluation.evaluate(a.tenant(), due.plusDays(3))).isZero();
        assertThat(openKeys(a, AlertKind.VENDOR_AUDIT_OVERDUE)).isEmpty();

        // a year later the next audit is overdue: a new alert
        assertThat(evaluation.evaluate(a.tenant(), next)).isZero();
        assertThat(evaluation.evaluate(a.tenant(), next.plusDays(1))).isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), next.plusDays(2))).isZero();
        assertThat(openKeys(a, AlertKind.VENDOR_AUDIT_OVERDUE)).containsExactly("vendor:" + vendor + ":audit:" + next);
        assertThat(notifications(a.admin())).hasSize(2);
        List<MimeMessage> mails = awaitMails(a.extra(), 2);
        assertThat(texts(mails)).anySatisfy(text -> assertThat(text).contains(next.toString()));
        assertThat(Outbox.count(jdbc, a.extra(), "alert")).isEqualTo(2);
    }

    // --- the company's settings ---

    @Test
    void aKindSwitchedOffRaisesNothingWhileTheOthersAreRaised() throws Exception {
        assertThat(a.api().put("/api/v1/alert-settings", Map.of("kinds", Map.of(
                "LICENSE_CAPACITY", Map.of("enabled", false), "VENDOR_AUDIT_OVERDUE", Map.of("enabled", false))))
                .status()).isEqualTo(200);
        Items items = everyKind(a);
        LocalDate day = items.auditDue().plusDays(1);

        assertThat(evaluation.evaluate(a.tenant(), day)).isEqualTo(2);
        assertThat(evaluation.evaluate(a.tenant(), day.plusDays(1))).isZero();
        assertThat(openKeys(a, AlertKind.LICENSE_CAPACITY)).isEmpty();
        assertThat(openKeys(a, AlertKind.VENDOR_AUDIT_OVERDUE)).isEmpty();
        JsonNode mine = notifications(a.admin());
        assertThat(texts(mine, "kind")).containsExactlyInAnyOrder("LICENSE_EXPIRING", "CONTRACT_RENEWAL");
        assertThat(texts(mine, "link")).doesNotContain("/licenses/" + items.fullLicense(), "/vendors/" + items.vendor());
        List<MimeMessage> mails = awaitMails(a.extra(), 2);
        assertThat(subjects(mails)).noneMatch(s -> s.contains("nearly full") || s.contains("Audit of"));
        assertThat(Outbox.count(jdbc, a.extra(), "alert")).isEqualTo(2);

        // switched on again: the overdue audit is raised on the kind's next evaluation (saving the settings
        // re-evaluates every kind as of the real date, on which nothing is due yet)
        assertThat(a.api().put("/api/v1/alert-settings", Map.of("kinds", Map.of(
                "VENDOR_AUDIT_OVERDUE", Map.of("enabled", true)))).status()).isEqualTo(200);
        awaitReEvaluations(a);
        assertThat(evaluation.evaluate(a.tenant(), AlertKind.VENDOR_AUDIT_OVERDUE, day.plusDays(2))).isEqualTo(1);
        assertThat(evaluation.evaluate(a.tenant(), AlertKind.LICENSE_CAPACITY, day.plusDays(2))).isZero();
        assertThat(openKeys(a, AlertKind.VENDOR_AUDIT_OVERDUE)).containsExactly(
                "vendor:" + items.vendor() + ":audit:" + items.auditDue());
        assertThat(texts(notifications(a.admin()), "kind")).hasSize(3).containsOnlyOnce("VENDOR_AUDIT_OVERDUE");
        assertThat(subjects(awaitMails(a.extra(), 3))).containsOnlyOnce(a.name() + ": Audit of Dell Technologies is overdue");
    }

    // --- companies ---

    @Test
    void anotherCompanyWithTheSameKindOfDataIsNeverReached() throws Exception {
        Items ours = everyKind(a);
        Items theirs = everyKind(b);
        LocalDate day = ours.auditDue().plusDays(1);
        // capacity was raised for each company when its seats were assigned
        assertThat(openKeys(a, AlertKind.LICENSE_CAPACITY)).hasSize(1);
        assertThat(openKeys(b, AlertKind.LICENSE_CAPACITY)).hasSize(1);

        assertThat(evaluation.evaluate(a.tenant(), day)).isEqualTo(3);
        assertThat(notifications(a.admin())).hasSize(4);
        assertThat(notifications(b.admin())).as("their company was not evaluated yet").hasSize(1);
        assertThat(Outbox.count(jdbc, b.extra(), "alert")).isEqualTo(1);

        assertThat(evaluation.evaluate(b.tenant(), day)).isEqualTo(3);
        assertThat(evaluation.evaluate(a.tenant(), day.plusDays(1))).isZero();
        assertThat(evaluation.evaluate(b.tenant(), day.plusDays(1))).isZero();

        for (Company[] pair : new Company[][] {{a, b}, {b, a}}) {
            Company company = pair[0];
            Company other = pair[1];
            Items mineItems = company == a ? ours : theirs;
            Items otherItems = company == a ? theirs : ours;
            JsonNode mine = notifications(company.admin());
            assertThat(texts(mine, "kind")).as(company.name()).containsExactlyInAnyOrder("LICENSE_CAPACITY",
                    "LICENSE_EXPIRING", "CONTRACT_RENEWAL", "VENDOR_AUDIT_OVERDUE");
            assertThat(texts(mine, "link")).as(company.name()).containsExactlyInAnyOrderElementsOf(mineItems.links());
            for (String to : List.of(company.extra(), company.admin().email())) {
                List<MimeMessage> mails = awaitMails(to, 4);
                assertThat(subjects(mails)).allMatch(s -> s.startsWith(company.name() + ": "));
                for (String text : texts(mails)) {
                    assertThat(text).contains(company.name()).doesNotContain(other.name());
                    otherItems.links().forEach(link -> assertThat(text).doesNotContain(link));
                }
                assertThat(Outbox.count(jdbc, to, "alert")).isEqualTo(4);
            }
            assertThat(notifications(company.owner())).isEmpty();
        }
        // a notification of one company is not theirs to read
        String ourNotification = notifications(a.admin()).get(0).get("id").asString();
        assertThat(b.api().post("/api/v1/notifications/" + ourNotification + "/read", Map.of()).status()).isEqualTo(404);
    }

    // --- data over the API ---

    /** One item of each kind, all due on the day after {@link Items#auditDue()}; the licence's seats at 80 % at once. */
    record Items(String fullLicense, String expiringLicense, String contract, String vendor, LocalDate auditDue) {
        List<String> links() {
            return List.of("/licenses/" + fullLicense, "/licenses/" + expiringLicense, "/contracts/" + contract,
                    "/vendors/" + vendor);
        }
    }

    Items everyKind(Company c) {
        JsonNode vendor = c.api().post("/api/v1/vendors", Map.of("name", "Dell Technologies", "auditCadenceMonths", 12,
                "lastAuditOn", TODAY.minusMonths(6).toString())).json();
        LocalDate due = LocalDate.parse(vendor.get("nextAuditDue").asString());
        LocalDate soon = due.plusDays(11);
        String contract = c.api().post("/api/v1/contracts", Map.of("vendorId", vendor.get("id").asString(),
                "title", "Premier Support", "endsOn", soon.toString())).json().get("id").asString();
        String expiring = c.api().post("/api/v1/licenses", Map.of("product", "Microsoft 365", "seats", 50,
                "expiresOn", soon.toString())).json().get("id").asString();
        String full = c.api().post("/api/v1/licenses", Map.of("product", "Figma", "seats", 5)).json()
                .get("id").asString();
        for (String name : List.of("Ann", "Ben", "Cem", "Dee")) {
            seat(c, full, name);
        }
        awaitReEvaluations(c);
        return new Items(full, expiring, contract, vendor.get("id").asString(), due);
    }

    Company company(String name) {
        TestAccounts.Person owner = accounts.owner(name);
        TestAccounts.Person admin = accounts.member(owner, Role.ADMIN);
        String extra = TestAccounts.uniqueEmail("purchasing");
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (AlertKind kind : List.of(AlertKind.LICENSE_CAPACITY, AlertKind.LICENSE_EXPIRING,
                AlertKind.CONTRACT_RENEWAL, AlertKind.VENDOR_AUDIT_OVERDUE)) {
            Map<String, Object> k = new LinkedHashMap<>(Map.of("enabled", true, "roles", List.of("ADMIN"),
                    "emails", List.of(extra), "delivery", "IMMEDIATE"));
            if (kind == AlertKind.LICENSE_CAPACITY) {
                k.put("percent", 80);
            } else if (kind != AlertKind.VENDOR_AUDIT_OVERDUE) {
                k.put("days", 30);
            }
            kinds.put(kind.name(), k);
        }
        ApiClient api = accounts.as(admin);
        ApiClient.Reply put = api.put("/api/v1/alert-settings", Map.of("kinds", kinds));
        assertThat(put.status()).isEqualTo(200);
        assertThat(texts(put.json().get("kinds").get("VENDOR_AUDIT_OVERDUE").get("emails"), null)).containsExactly(extra);
        Company company = new Company(name, owner, admin, extra, api);
        awaitReEvaluations(company); // saving the settings re-evaluates every kind
        return company;
    }

    String seat(Company c, String license, String personName) {
        ApiClient.Reply person = c.api().post("/api/v1/people", Map.of("name", personName));
        assertThat(person.status()).isEqualTo(201);
        ApiClient.Reply seat = c.api().post("/api/v1/licenses/" + license + "/seats",
                Map.of("personId", person.json().get("id").asString()));
        assertThat(seat.status()).isEqualTo(201);
        return seat.json().get("id").asString();
    }

    // --- helpers ---

    JsonNode notifications(TestAccounts.Person person) {
        ApiClient.Reply r = accounts.as(person).get("/api/v1/notifications");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    static void assertNotification(JsonNode n, AlertKind kind, String title, String link) {
        assertThat(n.get("kind").asString()).isEqualTo(kind.name());
        assertThat(n.get("title").asString()).contains(title);
        assertThat(n.get("link").asString()).isEqualTo(link);
        assertThat(n.get("readAt").isNull()).isTrue();
    }

    static void assertMail(MimeMessage mail, Company c, String title, String link) throws Exception {
        assertThat(mail.getSubject()).isEqualTo(c.name() + ": " + title);
        assertThat(part(mail, "text/plain")).contains(c.name()).contains(title)
                .containsPattern("https?://[^/\\s]+" + link + "\\s");
        assertThat(part(mail, "text/html")).contains(org.springframework.web.util.HtmlUtils.htmlEscape(c.name()))
                .containsPattern("<a href=\"https?://[^/\"]+" + link + "\">");
    }

    List<String> openKeys(Company c, AlertKind kind) {
        return transactions.inTenant(c.tenant(), () -> jdbc.sql(
                "select key from alerts where tenant_id = ? and kind = ? and cleared_at is null order by key")
                .params(c.tenant(), kind.name()).query(String.class).list());
    }

    /**
     * Waits until the re-evaluations that the company's changes over the API caused (after their commit, as of the real
     * date) have run, so that they do not interleave with the evaluations at explicit dates.
     */
    void awaitReEvaluations(Company c) {
        AlertReEvaluations.await(jdbc, c.tenant());
    }

    static List<MimeMessage> awaitMails(String to, int count) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        List<MimeMessage> mails = mailsTo(to);
        while (mails.size() < count && System.currentTimeMillis() < until) {
            sleep(200);
            mails = mailsTo(to);
        }
        assertThat(mails).as("mails to " + to).hasSize(count);
        return mails;
    }

    static List<MimeMessage> mailsTo(String to) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(to)) {
                out.add(m);
            }
        }
        return out;
    }

    static MimeMessage mailWithSubject(List<MimeMessage> mails, String text) throws Exception {
        for (MimeMessage m : mails) {
            if (m.getSubject().contains(text)) {
                return m;
            }
        }
        throw new AssertionError("no mail about " + text);
    }

    static List<String> subjects(List<MimeMessage> mails) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : mails) {
            out.add(m.getSubject());
        }
        return out;
    }

    static List<String> texts(List<MimeMessage> mails) throws Exception {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : mails) {
            out.add(part(m, "text/plain"));
        }
        return out;
    }

    static List<String> texts(JsonNode array, @Nullable String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asString() : n.get(field).asString()));
        return out;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
