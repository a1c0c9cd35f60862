package dev.holdfast.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.TenantContext;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail against the real database: a gap-free hash chain per company that detects edits, deletions
 * and reordering made behind the application's back (as the schema owner), and that the application itself
 * can only append to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AuditTrailTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    UUID company;

    @BeforeEach
    void newCompany() {
        company = UUID.randomUUID();
    }

    @Test
    void appendsAGapFreeChainNewestFirstAndVerifiesIt() {
        UUID user = UUID.randomUUID();
        try (var actor = CurrentActor.enter(Actor.user(user, "ada@example.test"))) {
            as(company, () -> {
                trail.record("asset.created", "asset", "A-1", null, Map.of("name", "Laptop", "status", "deployable"));
                trail.record("asset.updated", "asset", "A-1", Map.of("name", "Laptop", "status", "deployable"),
                        Map.of("name", "Laptop", "status", "archived"));
                trail.record("vendor.created", "vendor", "V-9", null, Map.of("name", "Acme"));
            });
        }

        List<AuditEvent> events = call(company, () -> trail.list(null, null, null, 10));
        assertThat(events).extracting(AuditEvent::seq).containsExactly(3L, 2L, 1L);
        AuditEvent update = events.get(1);
        assertThat(update.action()).isEqualTo("asset.updated");
        assertThat(update.changes()).containsOnlyKeys("status");
        assertThat(update.changes().get("status")).isEqualTo(Map.of("before", "deployable", "after", "archived"));
        assertThat(update.actorKind()).isEqualTo("USER");
        assertThat(update.actorId()).isEqualTo(user);
        assertThat(update.actorLabel()).isEqualTo("ada@example.test");
        assertThat(update.at()).isBeforeOrEqualTo(events.get(0).at());

        assertThat(call(company, () -> trail.list("asset", "A-1", null, 10))).extracting(AuditEvent::seq)
                .containsExactly(2L, 1L);
        assertThat(call(company, () -> trail.list(null, null, 3L, 1))).extracting(AuditEvent::seq).containsExactly(2L);

        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(true, 3, null));
    }

    @Test
    void recordsWhoAndFromWhereOfTheCurrentRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/api/v1/assets/1");
        request.setRemoteAddr("192.0.2.44");
        request.addHeader("User-Agent", "holdfast-test/1.0");
        request.setAttribute("dev.holdfast.platform.web.RequestIdFilter.id", "req-123");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            as(company, () -> trail.record("asset.updated", "asset", "1", Map.of("name", "a"), Map.of("name", "b")));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        as(company, () -> trail.record("asset.archived", "asset", "1", Map.of("status", "x"), Map.of("status", "y")));

        List<AuditEvent> events = call(company, () -> trail.list(null, null, null, 10));
        AuditEvent fromRequest = events.get(1);
        assertThat(fromRequest.ip()).isEqualTo("192.0.2.44");
        assertThat(fromRequest.userAgent()).isEqualTo("holdfast-test/1.0");
        assertThat(fromRequest.requestId()).isEqualTo("req-123");
        AuditEvent fromJob = events.get(0);
        assertThat(fromJob.actorKind()).isEqualTo("ANONYMOUS");
        assertThat(fromJob.ip()).isNull();
        assertThat(fromJob.requestId()).isNull();
        assertThat(call(company, trail::verify).intact()).isTrue();
    }

    @Test
    void sensitiveValuesNeverReachTheDatabase() {
        as(company, () -> trail.record("user.updated", "user", "u-1",
                Map.of("email", "old@example.test", "password", "hunter2", "serial", "SN-0001"),
                Map.of("email", "new@example.test", "password", "correct horse", "serial", "SN-0002",
                        "apiToken", "hf_tok_secret")));

        AuditEvent event = call(company, () -> trail.list(null, null, null, 1)).get(0);
        assertThat(event.changes().get("password")).isEqualTo(Map.of("before", "***", "after", "***"));
        assertThat(event.changes().get("email")).isEqualTo(Map.of("before", "old@example.test", "after", "new@example.test"));
        String stored = owner(company, j -> j.sql("SELECT changes::text FROM audit_events WHERE tenant_id = ?")
                .param(company).query(String.class).single());
        assertThat(stored).doesNotContain("hunter2", "correct horse", "SN-000", "hf_tok").contains("***");
    }

    @Test
    void anEditedEventBreaksTheChainAtThatEvent() {
        appendEvents(company, 5);
        tamper(company, "UPDATE audit_events SET changes = '{\"name\": {\"before\": \"x\", \"after\": \"forged\"}}' "
                + "WHERE tenant_id = ? AND seq = 3");
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(false, 5, 3L));
    }

    @Test
    void anEditedAndResealedEventBreaksTheLinkToTheNext() {
        appendEvents(company, 5);
        // the forger recomputes the edited event's own hash; the next event still points at the old one
        tamper(company, """
                UPDATE audit_events SET actor_label = 'someone else',
                    hash = audit_event_hash(prev_hash, tenant_id, seq, id, at, actor_kind, actor_id, 'someone else',
                                            action, target_type, target_id, changes, ip, user_agent, request_id)
                WHERE tenant_id = ? AND seq = 2""");
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(false, 5, 3L));
    }

    @Test
    void aDeletedEventIsDetected() {
        appendEvents(company, 5);
        tamper(company, "DELETE FROM audit_events WHERE tenant_id = ? AND seq = 2");
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(false, 4, 2L));
    }

    @Test
    void cuttingOffTheNewestEventsIsDetected() {
        appendEvents(company, 5);
        tamper(company, "DELETE FROM audit_events WHERE tenant_id = ? AND seq >= 4");
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(false, 3, 4L));
    }

    @Test
    void reorderedEventsAreDetected() {
        appendEvents(company, 5);
        tamper(company, "UPDATE audit_events SET seq = 1000 WHERE tenant_id = ? AND seq = 3");
        tamper(company, "UPDATE audit_events SET seq = 3 WHERE tenant_id = ? AND seq = 4");
        tamper(company, "UPDATE audit_events SET seq = 4 WHERE tenant_id = ? AND seq = 1000");
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(false, 5, 3L));
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < each; i++) {
                        int n = i;
                        as(company, () -> trail.record("asset.updated", "asset", "T-" + thread, Map.of("n", n),
                                Map.of("n", n + 1)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> seqs = owner(company, j -> j.sql("SELECT seq FROM audit_events WHERE tenant_id = ? ORDER BY seq")
                .param(company).query(Long.class).list());
        assertThat(seqs).hasSize(threads * each);
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo((long) threads * each);
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(true, threads * each, null));
    }

    @Test
    void theApplicationCannotChangeOrDeleteAuditEvents() {
        appendEvents(company, 2);
        assertThatThrownBy(() -> as(company, () -> tx.executeWithoutResult(s ->
                jdbc.sql("UPDATE audit_events SET action = 'nothing' WHERE tenant_id = ?").param(company).update())))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> as(company, () -> tx.executeWithoutResult(s ->
                jdbc.sql("DELETE FROM audit_events WHERE tenant_id = ?").param(company).update())))
                .hasStackTraceContaining("permission denied");
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(true, 2, null));
    }

    @Test
    void anotherCompanyNeverSeesTheEvents() {
        appendEvents(company, 3);
        UUID other = UUID.randomUUID();
        assertThat(call(other, () -> trail.list(null, null, null, 100))).isEmpty();
        assertThat(call(other, () -> trail.list("asset", "A-0", null, 100))).isEmpty();
        assertThat(call(other, trail::verify)).isEqualTo(new ChainVerification(true, 0, null));
        Integer visible = call(other, () -> tx.execute(s -> jdbc.sql("SELECT count(*) FROM audit_events WHERE tenant_id = ?")
                .param(company).query(Integer.class).single()));
        assertThat(visible).isZero();
        // the other company's own chain starts at 1, independent of this one
        as(other, () -> trail.record("asset.created", "asset", "B-1", null, Map.of("name", "b")));
        assertThat(call(other, () -> trail.list(null, null, null, 10))).extracting(AuditEvent::seq).containsExactly(1L);
        assertThat(call(company, trail::verify)).isEqualTo(new ChainVerification(true, 3, null));
    }

    @Test
    void recordingNeedsACompany() {
        assertThatThrownBy(() -> trail.record("asset.created", "asset", "1", null, Map.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    private void appendEvents(UUID tenant, int count) {
        as(tenant, () -> {
            for (int i = 0; i < count; i++) {
                trail.record("asset.updated", "asset", "A-" + i, Map.of("name", "v" + i), Map.of("name", "v" + (i + 1)));
            }
        });
    }

    /** Changes rows as the schema owner — the way someone with database access would, behind the application. */
    private void tamper(UUID tenant, String sql) {
        owner(tenant, j -> j.sql(sql).param(tenant).update());
    }

    /** Runs work in an owner transaction bound to the tenant (row-level security is forced on the owner too). */
    private <T> T owner(UUID tenant, Function<JdbcClient, T> work) {
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        return new TransactionTemplate(new JdbcTransactionManager(ownerDataSource)).execute(s -> {
            owner.sql("SELECT set_config('app.tenant_id', ?, true)").param(tenant.toString()).query().singleValue();
            return work.apply(owner);
        });
    }

    private void as(UUID tenant, Runnable work) {
        TenantContext.runAs(tenant, work);
    }

    private <T> T call(UUID tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(tenant, work);
    }
}
