package dev.holdfast.activity.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.holdfast.activity.UsageLog;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.testing.TestDevices;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Usage logs against the real database and a running server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDevices.class)
class UsageLogTest {

    @LocalServerPort
    int port;
    @Autowired
    UsageLog usage;
    @Autowired
    RequestLogWriter writer;
    @Autowired
    UsageQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestsAreLoggedWithTheRoutePatternNeverTheRawPath() throws Exception {
        UUID company = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        url("/test/activity/items/4711-secret-id?token=abc"))
                .header("X-Test-Tenant", company.toString()).header("X-Test-User", user.toString()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        Map<String, Object> row = awaitRequest(requestId);
        assertThat(row).containsEntry("method", "GET").containsEntry("route", "/test/activity/items/{id}")
                .containsEntry("status", 200).containsEntry("tenant_id", company).containsEntry("user_id", user);
        assertThat((Integer) row.get("duration_ms")).isNotNegative();
        assertThat(row.get("ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(row.values().toString()).doesNotContain("4711", "token", "abc");
    }

    @Test
    void unmatchedRequestsKeepNoPathAndAssetsAndActuatorAreNotLogged() throws Exception {
        String missing = send("/test/no/such/page/8842?x=1");
        String css = send("/css/holdfast.css");
        String webjar = send("/webjars/bootstrap/css/bootstrap.min.css");
        String health = send("/actuator/health");
        String home = send("/login");

        Map<String, Object> notFound = awaitRequest(missing);
        assertThat(notFound.get("status")).isEqualTo(404);
        assertThat(notFound.get("route")).isEqualTo("unmatched");
        assertThat(notFound.get("tenant_id")).isNull();
        assertThat(awaitRequest(home)).containsEntry("route", "/login").containsEntry("status", 200);
        writer.flush();
        for (String skipped : List.of(css, webjar, health)) {
            assertThat(requestRows(skipped)).as("logged %s", skipped).isEmpty();
        }
    }

    @Test
    void requestsOfCollectorDevicesAreNotLogged() throws Exception {
        String device = TestDevices.token(UUID.randomUUID(), UUID.randomUUID());
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(url("/api/v1/ingest/batches"))
                .header("Authorization", "Bearer " + device).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(422); // the device got through: no batchId
        String person = send("/login");

        awaitRequest(person);
        writer.flush();
        assertThat(requestRows(upload.headers().firstValue("X-Request-Id").orElseThrow())).isEmpty();
    }

    @Test
    void aCompanySeesOnlyItsOwnRequestsAndTheOperatorSeesAll() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String ofA = send("/test/activity/items/1", a);
        String ofB = send("/test/activity/items/2", b);
        String anonymous = send("/test/activity/items/3", null);
        awaitRequest(ofA);
        awaitRequest(ofB);
        awaitRequest(anonymous);

        UsageQueries.Filter requests = new UsageQueries.Filter(UsageQueries.Kind.REQUESTS, null, null, 200);
        List<? extends UsageQueries.Row> seenByA = TenantContext.callAs(a, () -> queries.company(requests)).rows();
        assertThat(seenByA).hasSize(1).allSatisfy(r -> assertThat(((UsageQueries.RequestRow) r).tenantId()).isEqualTo(a));
        // even hand-written SQL in A's transaction sees neither B's rows nor those of no company
        Integer foreign = TenantContext.callAs(a, () -> tx.execute(s -> jdbc.sql(
                "SELECT count(*) FROM usage_requests WHERE tenant_id IS DISTINCT FROM ?").param(a).query(Integer.class).single()));
        assertThat(foreign).isZero();

        List<String> operatorSees = queries.installation(requests).rows().stream()
                .map(r -> String.valueOf(((UsageQueries.RequestRow) r).tenantId())).toList();
        assertThat(operatorSees).contains(a.toString(), b.toString(), "null");
    }

    @Test
    void loginAttemptsAreRecordedForTheirCompanyOrTheInstallation() {
        UUID company = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr("198.51.100.7");
        request.addHeader("User-Agent", "Firefox/140");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            usage.loginAttempt(user, company, true, "password");
            usage.loginAttempt(null, null, false, "unknown-user");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        UsageQueries.Filter logins = new UsageQueries.Filter(UsageQueries.Kind.LOGINS, null, null, 200);
        List<? extends UsageQueries.Row> ofCompany = TenantContext.callAs(company, () -> queries.company(logins)).rows();
        assertThat(ofCompany).singleElement().isEqualTo(new UsageQueries.LoginRow(ofCompany.get(0).id(),
                ofCompany.get(0).at(), company, user, true, "password", "198.51.100.7", "Firefox/140"));

        List<UsageQueries.LoginRow> all = queries.installation(logins).rows().stream()
                .map(UsageQueries.LoginRow.class::cast).toList();
        assertThat(all).anySatisfy(r -> {
            assertThat(r.tenantId()).isNull();
            assertThat(r.success()).isFalse();
            assertThat(r.reason()).isEqualTo("unknown-user");
            assertThat(r.ip()).isEqualTo("198.51.100.7");
        });
    }

    @Test
    void sessionsGetADurationAndNeverStoreTheKeyGiven() throws Exception {
        UUID company = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String key = "sha256-of-session-" + UUID.randomUUID();
        String operatorKey = "sha256-of-session-" + UUID.randomUUID();
        usage.sessionStarted(key, user, company);
        usage.sessionStarted(operatorKey, user, null);
        Thread.sleep(30);
        usage.sessionEnded(key, "logout");
        usage.sessionEnded(operatorKey, "expired");
        usage.sessionEnded("never-started", "expired");

        UsageQueries.Filter sessions = new UsageQueries.Filter(UsageQueries.Kind.SESSIONS, null, null, 200);
        UsageQueries.SessionRow session = (UsageQueries.SessionRow) TenantContext.callAs(company,
                () -> queries.company(sessions)).rows().get(0);
        assertThat(session.userId()).isEqualTo(user);
        assertThat(session.endReason()).isEqualTo("logout");
        assertThat(session.endedAt()).isAfter(session.at());
        assertThat(session.durationMs()).isGreaterThanOrEqualTo(25L);

        List<UsageQueries.SessionRow> all = queries.installation(sessions).rows().stream()
                .map(UsageQueries.SessionRow.class::cast).filter(r -> user.equals(r.userId())).toList();
        assertThat(all).hasSize(2).anySatisfy(r -> {
            assertThat(r.tenantId()).isNull();
            assertThat(r.endReason()).isEqualTo("expired");
            assertThat(r.durationMs()).isNotNull();
        });
        List<String> storedKeys = TenantContext.callInstallationWide(() -> tx.execute(s -> jdbc.sql(
                "SELECT session_key FROM usage_sessions WHERE user_id = ?").param(user).query(String.class).list()));
        assertThat(storedKeys).hasSize(2).doesNotContain(key, operatorKey)
                .contains(SessionKeys.stored(key), SessionKeys.stored(operatorKey));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() {
        UsageProperties small = new UsageProperties(Duration.ofDays(90), 7, 100, Duration.ofSeconds(1));
        RequestLogWriter bounded = new RequestLogWriter(null, null, small, new SimpleMeterRegistry());
        for (int i = 0; i < 130; i++) {
            bounded.submit(new RequestRecord(java.time.Instant.now(), null, null, "GET", "/", 200, 1, null, null));
        }
        assertThat(bounded.dropped()).isEqualTo(30);
    }

    private String send(String path) throws Exception {
        return send(path, null);
    }

    /**
     * Sends a request with its own request id: the platform's request id filter runs again on the error
     * dispatch of a 404 and would otherwise answer with a different id than the one logged.
     */
    private String send(String path, UUID tenant) throws Exception {
        String requestId = "usage-test-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("X-Request-Id", requestId);
        if (tenant != null) {
            request.header("X-Test-Tenant", tenant.toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
        return requestId;
    }

    /** The request's row, once the writer has written it (the filter hands it over as the response completes). */
    private Map<String, Object> awaitRequest(String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            writer.flush();
            List<Map<String, Object>> rows = requestRows(requestId);
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                return rows.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("request " + requestId + " was not logged");
    }

    private List<Map<String, Object>> requestRows(String requestId) {
        Supplier<List<Map<String, Object>>> read = () -> tx.execute(s -> jdbc.sql("""
                SELECT method, route, status, duration_ms, tenant_id, user_id, ip FROM usage_requests
                WHERE request_id = ?""").param(requestId).query().listOfRows());
        return TenantContext.callInstallationWide(read);
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
