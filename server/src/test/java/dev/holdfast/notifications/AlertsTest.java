package dev.holdfast.notifications;

import static dev.holdfast.testing.Mails.freePort;
import static dev.holdfast.testing.Mails.part;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import dev.holdfast.accounts.Role;
import dev.holdfast.notifications.alerts.AlertDigests;
import dev.holdfast.testing.AlertReEvaluations;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Outbox;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The alert machinery end to end: real assets for warranties, {@link TestAlertSource} for the procurement kinds, the
 * evaluation called with explicit dates, notifications over the API, e-mails through the outbox to a real SMTP server.
 */
@Import(TestAlertSource.class)
@TestPropertySource(properties = "holdfast.mail.poll-interval=200ms")
class AlertsTest extends WebTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    static final LocalDate D = LocalDate.of(2031, 6, 15);

    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    AlertDigests digests;

    // --- once per condition, cleared, re-raised ---

    @Test
    void warrantyOfARealAssetFiresOnceIsClearedAndReRaised() {
        TestAccounts.Person owner = accounts.owner("Warranty Co");
        ApiClient api = accounts.as(owner);
        String expiring = api.post("/api/v1/assets", Map.of("name", "Laptop", "warrantyExpiresOn", D.toString()))
                .json().get("id").asString();
        String bought = api.post("/api/v1/assets", Map.of("name", "Dock", "purchaseDate", D.minusMonths(24).toString(),
                "warrantyMonths", 24)).json().get("id").asString();
        api.post("/api/v1/assets", Map.of("name", "No warranty"));
        UUID t = owner.tenantId();
        AlertReEvaluations.await(jdbc, t); // the creations re-evaluate at the real date in the background

        assertThat(evaluation.evaluate(t, D.minusDays(31))).isZero();
        assertThat(evaluation.evaluate(t, D.minusDays(30))).isEqualTo(2);
        assertThat(evaluation.evaluate(t, D.minusDays(29))).isZero();
        assertThat(evaluation.evaluate(t, D)).isZero();
        assertThat(openKeys(t, AlertKind.WARRANTY_EXPIRING)).containsExactlyInAnyOrder(
                "asset:" + expiring + ":" + D, "asset:" + bought + ":" + D);
        JsonNode mine = api.get("/api/v1/notifications").json();
        assertThat(mine).hasSize(2);
        assertThat(texts(mine, "link")).containsExactlyInAnyOrder("/assets/" + expiring, "/assets/" + bought);
        assertThat(texts(mine, "kind")).containsOnly("WARRANTY_EXPIRING");
        assertThat(Outbox.count(jdbc, owner.email(), "alert")).isEqualTo(1);

        assertThat(evaluation.evaluate(t, D.plusDays(1))).isZero();
        assertThat(openKeys(t, AlertKind.WARRANTY_EXPIRING)).isEmpty();

        assertThat(evaluation.evaluate(t, D.minusDays(5))).isEqualTo(2);
        assertThat(api.get("/api/v1/notifications").json()).hasSize(4);
        assertThat(Outbox.count(jdbc, owner.email(), "alert")).isEqualTo(2);
    }

    @Test
    void changingAnAssetsWarrantyReEvaluatesAtOnce() {
        TestAccounts.Person owner = accounts.owner("Incremental Co");
        ApiClient api = accounts.as(owner);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        String id = api.post("/api/v1/assets", Map.of("name", "Server", "warrantyExpiresOn", today.plusDays(200).toString()))
                .json().get("id").asString();
        assertThat(openKeys(owner.tenantId(), AlertKind.WARRANTY_EXPIRING)).isEmpty();

        api.patch("/api/v1/assets/" + id, Map.of("warrantyExpiresOn", today.plusDays(10).toString()));
        awaitOpenKeys(owner.tenantId(), AlertKind.WARRANTY_EXPIRING, List.of("asset:" + id + ":" + today.plusDays(10)));

        api.patch("/api/v1/assets/" + id, Map.of("warrantyExpiresOn", today.plusDays(300).toString()));
        awaitOpenKeys(owner.tenantId(), AlertKind.WARRANTY_EXPIRING, List.of());
    }

    @Test
    void everyOtherKindFiresOnceIsClearedAndReRaised() {
        TestAccounts.Person owner = accounts.owner("Kinds Co");
        UUID t = owner.tenantId();
        List<AlertKind> kinds = List.of(AlertKind.LICENSE_CAPACITY, AlertKind.LICENSE_EXPIRING,
                AlertKind.CONTRACT_RENEWAL, AlertKind.VENDOR_AUDIT_OVERDUE);
        for (AlertKind kind : kinds) {
            TestAlertSource.add(t, new TestAlertSource.Rule(kind, kind + ":1", D, D.plusDays(3)));
            TestAlertSource.add(t, new TestAlertSource.Rule(kind, kind + ":1", D.plusDays(10), D.plusDays(10)));
        }
        for (AlertKind kind : kinds) {
            assertThat(evaluation.evaluate(t, kind, D.minusDays(1))).as(kind + " before").isZero();
            assertThat(evaluation.evaluate(t, kind, D)).as(kind + " on the day").isEqualTo(1);
            assertThat(evaluation.evaluate(t, kind, D.plusDays(1))).as(kind + " next day").isZero();
            assertThat(evaluation.evaluate(t, kind, D.plusDays(3))).as(kind + " last day").isZero();
            assertThat(openKeys(t, kind)).containsExactly(kind + ":1");
            assertThat(evaluation.evaluate(t, kind, D.plusDays(4))).isZero();
            assertThat(openKeys(t, kind)).as(kind + " cleared").isEmpty();
            assertThat(evaluation.evaluate(t, kind, D.plusDays(10))).as(kind + " back").isEqualTo(1);
        }
        JsonNode mine = accounts.as(owner).get("/api/v1/notifications").json();
        assertThat(mine).hasSize(8);
        assertThat(jdbc.sql("select count(*) from alerts where tenant_id = ?").param(t).query(Long.class).single())
                .isZero(); // tenant rows are invisible outside the company's transaction
        assertThat(transactions.inTenant(t, () -> jdbc.sql("select count(*) from alerts where tenant_id = ?").param(t)
                .query(Long.class).single())).isEqualTo(8);
    }

    // --- recipients, settings, e-mail ---

    @Test
    void configuredRolesAndExtraAddressesReceiveInAppAndByRealMail() throws Exception {
        TestAccounts.Person owner = accounts.owner("Recipients & Co");
        TestAccounts.Person admin = accounts.member(owner, Role.ADMIN);
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);
        TestAccounts.Person viewer = accounts.member(owner, Role.VIEWER);
        String extra = TestAccounts.uniqueEmail("finance");
        ApiClient.Reply put = accounts.as(admin).put("/api/v1/alert-settings", Map.of("kinds", Map.of("LICENSE_CAPACITY",
                Map.of("roles", List.of("ADMIN", "MANAGER"), "emails", List.of(extra.toUpperCase()), "percent", 80))));
        assertThat(put.status()).isEqualTo(200);
        AlertReEvaluations.await(jdbc, owner.tenantId());
        TestAlertSource.add(owner.tenantId(), new TestAlertSource.Rule(AlertKind.LICENSE_CAPACITY, "license:42:capacity",
                D, D));

        assertThat(evaluation.evaluate(owner.tenantId(), AlertKind.LICENSE_CAPACITY, D)).isEqualTo(1);

        assertThat(accounts.as(admin).get("/api/v1/notifications").json()).hasSize(1);
        assertThat(accounts.as(manager).get("/api/v1/notifications").json()).hasSize(1);
        assertThat(accounts.as(owner).get("/api/v1/notifications").json()).isEmpty();
        assertThat(accounts.as(viewer).get("/api/v1/notifications").json()).isEmpty();
        JsonNode n = accounts.as(admin).get("/api/v1/notifications").json().get(0);
        assertThat(n.get("message").asString()).contains("80 %");

        for (String to : List.of(admin.email(), manager.email(), extra)) {
            MimeMessage mail = awaitMail(to, "alert");
            assertThat(mail.getSubject()).startsWith("Recipients & Co: ");
            String text = part(mail, "text/plain");
            String html = part(mail, "text/html");
            assertThat(text).contains("Recipients & Co").contains("license:42:capacity")
                    .containsPattern("https?://[^/\\s]+/licenses/license-42-capacity");
            assertThat(html).contains("Recipients &amp; Co")
                    .containsPattern("<a href=\"https?://[^/\"]+/licenses/license-42-capacity\">");
        }
        assertThat(Outbox.count(jdbc, owner.email(), "alert")).isZero();
        assertThat(Outbox.count(jdbc, viewer.email(), "alert")).isZero();
        assertThat(Outbox.count(jdbc, extra, "alert")).isEqualTo(1);
    }

    @Test
    void aKindSwitchedOffRaisesNothingAndClearsWhatWasOpen() {
        TestAccounts.Person owner = accounts.owner("Quiet Co");
        UUID t = owner.tenantId();
        TestAlertSource.add(t, new TestAlertSource.Rule(AlertKind.CONTRACT_RENEWAL, "contract:1:renewal:" + D, D, D.plusDays(5)));
        assertThat(evaluation.evaluate(t, AlertKind.CONTRACT_RENEWAL, D)).isEqualTo(1);

        accounts.as(owner).put("/api/v1/alert-settings", Map.of("kinds", Map.of("CONTRACT_RENEWAL", Map.of("enabled", false))));
        AlertReEvaluations.await(jdbc, owner.tenantId());
        TestAlertSource.add(t, new TestAlertSource.Rule(AlertKind.CONTRACT_RENEWAL, "contract:2:notice:" + D, D, D.plusDays(5)));
        assertThat(evaluation.evaluate(t, AlertKind.CONTRACT_RENEWAL, D.plusDays(1))).isZero();
        assertThat(openKeys(t, AlertKind.CONTRACT_RENEWAL)).isEmpty();
        assertThat(accounts.as(owner).get("/api/v1/notifications").json()).hasSize(1);
        assertThat(Outbox.count(jdbc, owner.email(), "alert")).isEqualTo(1);
    }

    @Test
    void digestDeliveryMailsOncePerDayAtTheCompanysHourListingEveryAlertSinceTheLastDigest() throws Exception {
        TestAccounts.Person owner = accounts.owner("Digest Co");
        UUID t = owner.tenantId();
        ApiClient.Reply put = accounts.as(owner).put("/api/v1/alert-settings", Map.of("timeZone", "Europe/Berlin",
                "digestHour", 7, "kinds", Map.of("VENDOR_AUDIT_OVERDUE", Map.of("delivery", "DIGEST"),
                        "LICENSE_EXPIRING", Map.of("delivery", "DIGEST"))));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("timeZone").asString()).isEqualTo("Europe/Berlin");
        AlertReEvaluations.await(jdbc, t);
        TestAlertSource.add(t, new TestAlertSource.Rule(AlertKind.VENDOR_AUDIT_OVERDUE, "vendor:1:audit:" + D, D, D.plusDays(9)));
        TestAlertSource.add(t, new TestAlertSource.Rule(AlertKind.LICENSE_EXPIRING, "license:7:expires:" + D, D, D.plusDays(9)));

        assertThat(evaluation.evaluate(t, D)).isEqualTo(2);
        assertThat(accounts.as(owner).get("/api/v1/notifications?unread=true").json()).hasSize(2);
        assertThat(Outbox.count(jdbc, owner.email(), "alert")).isZero();

        ZonedDateTime berlin = D.atTime(6, 30).atZone(ZoneId.of("Europe/Berlin"));
        assertThat(digests.sendIfDue(t, berlin.toInstant())).isZero();
        assertThat(digests.sendIfDue(t, berlin.plusHours(1).toInstant())).isEqualTo(1);
        assertThat(digests.sendIfDue(t, berlin.plusHours(5).toInstant())).isZero();
        MimeMessage digest = awaitMail(owner.email(), "alert-digest");
        assertThat(digest.getSubject()).contains("Digest Co").contains("2 alerts");
        assertThat(part(digest, "text/plain")).contains("vendor:1:audit:" + D).contains("license:7:expires:" + D);
        assertThat(part(digest, "text/html")).contains("vendor:1:audit:" + D);

        // the next day: nothing new, no mail; a new alert goes into the next day's digest only
        assertThat(digests.sendIfDue(t, berlin.plusDays(1).plusHours(1).toInstant())).isZero();
        TestAlertSource.add(t, new TestAlertSource.Rule(AlertKind.VENDOR_AUDIT_OVERDUE, "vendor:2:audit:" + D, D, D.plusDays(9)));
        assertThat(evaluation.evaluate(t, D.plusDays(1))).isEqualTo(1);
        assertThat(digests.sendIfDue(t, berlin.plusDays(2).plusHours(1).toInstant())).isEqualTo(1);
        assertThat(Outbox.count(jdbc, owner.email(), "alert-digest")).isEqualTo(2);
        assertThat(Outbox.count(jdbc, owner.email(), "alert")).isZero();
    }

    @Test
    void anotherCompanyIsNeverReached() {
        TestAccounts.Person a = accounts.owner("Company A");
        TestAccounts.Person b = accounts.owner("Company B");
        accounts.as(b).post("/api/v1/assets", Map.of("name", "B laptop", "warrantyExpiresOn", D.toString()));
        accounts.as(a).post("/api/v1/assets", Map.of("name", "A laptop", "warrantyExpiresOn", D.toString()));
        AlertReEvaluations.await(jdbc, a.tenantId());
        AlertReEvaluations.await(jdbc, b.tenantId());
        TestAlertSource.add(a.tenantId(), new TestAlertSource.Rule(AlertKind.LICENSE_CAPACITY, "license:a:over", D, D));

        assertThat(evaluation.evaluate(a.tenantId(), D)).isEqualTo(2);

        assertThat(accounts.as(a).get("/api/v1/notifications").json()).hasSize(2);
        assertThat(accounts.as(b).get("/api/v1/notifications").json()).isEmpty();
        assertThat(Outbox.count(jdbc, b.email(), "alert")).isZero();
        String aNotification = accounts.as(a).get("/api/v1/notifications").json().get(0).get("id").asString();
        assertThat(accounts.as(b).post("/api/v1/notifications/" + aNotification + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(accounts.as(a).get("/api/v1/notifications?unread=true").json()).hasSize(2);
    }

    @Test
    void twoEvaluationsAtTheSameTimeRaiseOnce() throws Exception {
        TestAccounts.Person owner = accounts.owner("Cluster Co");
        TestAccounts.Person admin = accounts.member(owner, Role.ADMIN);
        UUID t = owner.tenantId();
        for (int i = 0; i < 50; i++) {
            TestAlertSource.add(t, new TestAlertSource.Rule(AlertKind.LICENSE_EXPIRING, "license:" + i + ":expires:" + D, D, D));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return evaluation.evaluate(t, AlertKind.LICENSE_EXPIRING, D);
            }));
        }
        start.countDown();
        int raised = 0;
        for (Future<Integer> run : runs) {
            raised += run.get();
        }
        pool.shutdown();
        assertThat(raised).isEqualTo(50);
        assertThat(openKeys(t, AlertKind.LICENSE_EXPIRING)).hasSize(50);
        assertThat(accounts.as(admin).get("/api/v1/notifications").json()).hasSize(50);
        assertThat(Outbox.count(jdbc, admin.email(), "alert")).isEqualTo(1);
        assertThat(Outbox.count(jdbc, owner.email(), "alert")).isEqualTo(1);
    }

    // --- API contracts ---

    @Test
    void notificationsApiListsTheCallersOwnAndMarksThemRead() {
        TestAccounts.Person owner = accounts.owner("Api Co");
        TestAccounts.Person other = accounts.member(owner, Role.OWNER);
        TestAlertSource.add(owner.tenantId(), new TestAlertSource.Rule(AlertKind.LICENSE_EXPIRING, "license:9:expires:" + D, D, D));
        TestAlertSource.add(owner.tenantId(), new TestAlertSource.Rule(AlertKind.VENDOR_AUDIT_OVERDUE, "vendor:9:audit:" + D, D, D));
        evaluation.evaluate(owner.tenantId(), D);
        ApiClient api = accounts.as(owner);

        ApiClient.Reply list = api.get("/api/v1/notifications");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json()).hasSize(2);
        JsonNode first = list.json().get(0);
        List<String> fields = new ArrayList<>(first.propertyNames());
        assertThat(fields).containsExactly("id", "kind", "title", "message", "link", "createdAt", "readAt");
        assertThat(first.get("readAt").isNull()).isTrue();
        assertThat(first.get("createdAt").asString()).endsWith("Z");
        String id = first.get("id").asString();

        assertThat(api.post("/api/v1/notifications/" + id + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/notifications/" + id + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/notifications?unread=true").json()).hasSize(1);
        assertThat(api.get("/api/v1/notifications?unread=false").json()).hasSize(2);
        JsonNode read = api.get("/api/v1/notifications").json();
        assertThat(texts(read, "id")).contains(id);
        // the other owner's copy of the same alert is theirs: still unread, and not markable by the first owner
        JsonNode theirs = accounts.as(other).get("/api/v1/notifications?unread=true").json();
        assertThat(theirs).hasSize(2);
        assertThat(api.post("/api/v1/notifications/" + theirs.get(0).get("id").asString() + "/read", Map.of()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(new ApiClient(port).get("/api/v1/notifications").status()).isEqualTo(401);
    }

    @Test
    void alertSettingsApiHasDefaultsIsForAdminsAndValidates() {
        TestAccounts.Person owner = accounts.owner("Settings Co");
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);
        ApiClient api = accounts.as(owner);

        JsonNode settings = api.get("/api/v1/alert-settings").json();
        assertThat(settings.get("timeZone").asString()).isEqualTo("UTC");
        assertThat(settings.get("digestHour").asInt()).isEqualTo(8);
        JsonNode warranty = settings.get("kinds").get("WARRANTY_EXPIRING");
        assertThat(warranty.get("enabled").asBoolean()).isTrue();
        assertThat(warranty.get("days").asInt()).isEqualTo(30);
        assertThat(settings.get("kinds").get("LICENSE_CAPACITY").get("percent").asInt()).isEqualTo(90);
        assertThat(texts(warranty.get("roles"), null)).containsExactly("OWNER", "ADMIN");
        assertThat(warranty.get("delivery").asString()).isEqualTo("IMMEDIATE");
        assertThat(settings.get("kinds").propertyNames()).containsExactly("WARRANTY_EXPIRING", "LICENSE_CAPACITY",
                "LICENSE_EXPIRING", "CONTRACT_RENEWAL", "VENDOR_AUDIT_OVERDUE", "ASSET_NOT_SEEN", "ASSET_AWAY");

        assertThat(accounts.as(manager).get("/api/v1/alert-settings").status()).isEqualTo(403);
        assertThat(accounts.as(manager).put("/api/v1/alert-settings", Map.of("digestHour", 9)).status()).isEqualTo(403);

        ApiClient.Reply bad = api.put("/api/v1/alert-settings", Map.of("timeZone", "Mars/Olympus", "digestHour", 24,
                "kinds", Map.of("WARRANTY_EXPIRING", Map.of("days", 0, "emails", List.of("not-an-address")),
                        "LICENSE_CAPACITY", Map.of("percent", 101), "CONTRACT_RENEWAL", Map.of("days", 366))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(texts(bad.json().get("errors"), "field")).containsExactlyInAnyOrder("timeZone", "digestHour",
                "kinds.WARRANTY_EXPIRING.days", "kinds.WARRANTY_EXPIRING.emails", "kinds.LICENSE_CAPACITY.percent",
                "kinds.CONTRACT_RENEWAL.days");
        assertThat(api.get("/api/v1/alert-settings").json().get("digestHour").asInt()).isEqualTo(8);

        ApiClient.Reply ok = api.put("/api/v1/alert-settings", Map.of("timeZone", "America/New_York", "digestHour", 17,
                "kinds", Map.of("WARRANTY_EXPIRING", Map.of("days", 365, "roles", List.of("viewer"),
                        "emails", List.of("It@Example.com")), "LICENSE_CAPACITY", Map.of("percent", 1))));
        assertThat(ok.status()).isEqualTo(200);
        JsonNode saved = api.get("/api/v1/alert-settings").json();
        assertThat(saved.get("timeZone").asString()).isEqualTo("America/New_York");
        assertThat(saved.get("digestHour").asInt()).isEqualTo(17);
        assertThat(saved.get("kinds").get("WARRANTY_EXPIRING").get("days").asInt()).isEqualTo(365);
        assertThat(texts(saved.get("kinds").get("WARRANTY_EXPIRING").get("roles"), null)).containsExactly("VIEWER");
        assertThat(texts(saved.get("kinds").get("WARRANTY_EXPIRING").get("emails"), null)).containsExactly("it@example.com");
        assertThat(saved.get("kinds").get("LICENSE_CAPACITY").get("percent").asInt()).isEqualTo(1);
        assertThat(saved.get("kinds").get("LICENSE_EXPIRING").get("days").asInt()).isEqualTo(30);
    }

    // --- helpers ---

    List<String> openKeys(UUID tenant, AlertKind kind) {
        return transactions.inTenant(tenant, () -> jdbc.sql(
                "select key from alerts where tenant_id = ? and kind = ? and cleared_at is null order by key")
                .params(tenant, kind.name()).query(String.class).list());
    }

    void awaitOpenKeys(UUID tenant, AlertKind kind, List<String> expected) {
        long until = System.currentTimeMillis() + 10_000;
        while (!openKeys(tenant, kind).equals(expected) && System.currentTimeMillis() < until) {
            sleep(100);
        }
        assertThat(openKeys(tenant, kind)).isEqualTo(expected);
    }

    static List<String> texts(JsonNode array, @Nullable String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asString() : n.get(field).asString()));
        return out;
    }

    static MimeMessage awaitMail(String to, String kind) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(to)) {
                    String k = m.getSubject().contains("daily digest") ? "alert-digest" : "alert";
                    if (k.equals(kind)) {
                        return m;
                    }
                }
            }
            sleep(200);
        }
        throw new AssertionError("no " + kind + " mail arrived");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZoneId.of("UTC")).toInstant();
    }
}
