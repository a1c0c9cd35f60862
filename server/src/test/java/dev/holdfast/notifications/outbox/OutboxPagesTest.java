package dev.holdfast.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.UUID;

import dev.holdfast.notifications.MailOutbox;
import dev.holdfast.notifications.OutgoingMail;

import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without SMTP (no {@code spring.mail.host}) mails stay in the outbox, the log says how many wait without
 * saying to whom, and the operator reads them on the outbox pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "holdfast.mail.poll-interval=1h")
@ExtendWith(OutputCaptureExtension.class)
class OutboxPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OutboxWorker worker;
    @Autowired
    OutboxQueries queries;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;
    WebClient operator;

    @Test
    void withoutSmtpTheMailWaitsIsLoggedAnonymouslyAndIsReadableByTheOperator(CapturedOutput output) throws Exception {
        String subject = "Your invitation " + UUID.randomUUID();
        UUID id = enqueue(new OutgoingMail(UUID.randomUUID(), "invitation", "invitee-" + id4() + "@example.com", subject,
                "Accept here: https://holdfast.example/invite/one-time-secret-42", "<p>html</p>"));

        assertThat(worker.deliverDue()).isZero();

        assertThat(queries.find(id).orElseThrow().mail().status()).isEqualTo(MailStatus.PENDING);
        assertThat(output.getOut()).contains("SMTP is not configured", "mail(s) waiting in the outbox")
                .doesNotContain("invitee-", "one-time-secret-42", subject);

        HttpResponse<String> list = get("/operator/outbox?status=PENDING");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Mail outbox", "SMTP is not configured", subject, "/operator/outbox/" + id);

        HttpResponse<String> mail = get("/operator/outbox/" + id);
        assertThat(mail.statusCode()).isEqualTo(200);
        assertThat(mail.body()).contains(subject, "Accept here: https://holdfast.example/invite/one-time-secret-42",
                "PENDING", "also has an HTML version").doesNotContain("<p>html</p>", "Retry now");
    }

    @Test
    void countsPerStatusAndFilterByStatus() throws Exception {
        String subject = "Filtered " + UUID.randomUUID();
        UUID id = enqueue(mail(subject));

        String pending = get("/operator/outbox?status=PENDING").body();
        String sent = get("/operator/outbox?status=SENT").body();

        assertThat(pending).contains(subject);
        assertThat(sent).doesNotContain(subject);
        long waiting = queries.countsByStatus().get(MailStatus.PENDING);
        assertThat(pending).contains("data-status-count=\"PENDING\">" + waiting + "<");
        assertThat(get("/operator/outbox?status=NOPE").statusCode()).isEqualTo(400);
        assertThat(id).isNotNull();
    }

    @Test
    void pagesGoBackInTimeAndEndWithAnEmptyState() throws Exception {
        String subject = "Oldest " + UUID.randomUUID();
        UUID oldest = enqueue(mail(subject));
        tx.executeWithoutResult(s -> jdbc.sql("update mail_outbox set created_at = timestamptz '1970-01-01 00:00:01Z' where id = ?")
                .param(oldest).update());

        HttpResponse<String> afterOldest = get("/operator/outbox?after=" + oldest);
        assertThat(afterOldest.statusCode()).isEqualTo(200);
        assertThat(afterOldest.body()).contains("The outbox is empty.", "Newest").doesNotContain("outbox-mails");

        // 1970 is older than anything else: walking the pages from the newest reaches it
        String page = get("/operator/outbox").body();
        for (int i = 0; i < 1000 && !page.contains(subject); i++) {
            assertThat(page).contains(">Older<");
            String next = page.replaceAll("(?s).*href=\"(/operator/outbox\\?[^\"]*after=[^\"]+)\">Older<.*", "$1")
                    .replace("&amp;", "&");
            page = get(next).body();
        }
        assertThat(page).contains(subject).doesNotContain(">Older<");
    }

    @Test
    void theNextPageHoldsWhenTheLastMailOfAPageIsGoneMeanwhile() throws Exception {
        String older = "Previous one " + UUID.randomUUID();
        UUID olderId = enqueue(mail(older));
        UUID gone = enqueue(mail("Purged " + UUID.randomUUID()));
        tx.executeWithoutResult(s -> {
            jdbc.sql("update mail_outbox set created_at = timestamptz '1970-01-01 00:00:03Z' where id = ?").param(olderId).update();
            jdbc.sql("delete from mail_outbox where id = ?").param(gone).update();
        });
        String next = get("/operator/outbox?after=" + gone + "&at=1970-01-01T00:00:04Z").body();
        assertThat(next).contains(older);
        assertThat(get("/operator/outbox?after=" + gone).body()).as("without its time, a vanished mail ends the walk")
                .doesNotContain(older);
    }

    @Test
    void operatorRetriesAFailedMail() throws Exception {
        String subject = "Failed " + UUID.randomUUID();
        UUID id = enqueue(mail(subject));
        tx.executeWithoutResult(s -> jdbc.sql("update mail_outbox set status = 'FAILED', attempts = 8, "
                + "last_error = 'SMTP 550 5.1.1 <address>: user unknown' where id = ?").param(id).update());

        HttpResponse<String> page = get("/operator/outbox/" + id);
        assertThat(page.body()).contains("Retry now", "SMTP 550 5.1.1 &lt;address&gt;: user unknown", "FAILED");
        assertThat(get("/operator/outbox?status=FAILED").body()).contains(subject);

        HttpResponse<String> retried = post("/operator/outbox/" + id + "/retry");
        assertThat(retried.statusCode()).isEqualTo(302);
        assertThat(retried.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/operator/outbox/" + id + "?retried=true"));
        OutboxSummary row = queries.find(id).orElseThrow().mail();
        assertThat(row.status()).isEqualTo(MailStatus.PENDING);
        assertThat(row.attempts()).isZero();
        assertThat(get("/operator/outbox/" + id + "?retried=true").body()).contains("queued again");

        assertThat(post("/operator/outbox/" + id + "/retry").statusCode()).as("only failed mails").isEqualTo(409);
        assertThat(post("/operator/outbox/" + UUID.randomUUID() + "/retry").statusCode()).isEqualTo(404);
        assertThat(get("/operator/outbox/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    private UUID enqueue(OutgoingMail mail) {
        return Objects.requireNonNull(tx.execute(s -> outbox.enqueue(mail)));
    }

    private static OutgoingMail mail(String subject) {
        return new OutgoingMail(null, "alert", "ops@example.com", subject, "text", null);
    }

    private static String id4() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The pages are the operator's: a signed-in operator session, as a browser has it. */
    private WebClient operator() {
        if (operator == null) {
            operator = TestAccounts.operatorSession(port, jdbc, encoder);
        }
        return operator;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return operator().get(path);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return operator().submit("/operator/outbox", path, java.util.Map.of());
    }
}
