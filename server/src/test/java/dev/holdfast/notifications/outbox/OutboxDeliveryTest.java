package dev.holdfast.notifications.outbox;

import static dev.holdfast.testing.Mails.freePort;
import static dev.holdfast.testing.Mails.partOrNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import dev.holdfast.notifications.MailOutbox;
import dev.holdfast.notifications.OutgoingMail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery through a real SMTP server (GreenMail on a free port). The scheduled run is pushed out of the
 * way (poll interval 1h); tests call {@link OutboxWorker#deliverDue()} themselves, with a clock they move.
 * Other tests' mails may share the table and the SMTP server, so every assertion picks its own mails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "holdfast.mail.poll-interval=1h")
class OutboxDeliveryTest {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OutboxWorker worker;
    @Autowired
    OutboxStore store;
    @Autowired
    OutboxQueries queries;
    @Autowired
    SmtpDelivery delivery;
    @Autowired
    OutboxProperties properties;
    @Autowired
    ApplicationContext context;

    @Test
    void mailOfACommittedTransactionArrivesWithTextAndHtmlParts() throws Exception {
        String subject = unique("Welcome");
        UUID id = tx.execute(s -> outbox.enqueue(new OutgoingMail(UUID.randomUUID(), "invitation", "new.user@example.com",
                subject, "Join us: https://holdfast.example/invite/abc", "<p>Join us: <a href=\"https://holdfast.example/invite/abc\">accept</a></p>")));

        worker.deliverDue();

        List<MimeMessage> received = receivedWith(subject);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("new.user@example.com");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Holdfast <holdfast@localhost>");
        assertThat(message.getHeader(SmtpDelivery.ID_HEADER)).containsExactly(id.toString());
        assertThat(partOrNull(message, "text/plain")).contains("Join us: https://holdfast.example/invite/abc");
        assertThat(partOrNull(message, "text/html")).contains("<a href=\"https://holdfast.example/invite/abc\">accept</a>");

        OutboxSummary row = summary(id);
        assertThat(row.status()).isEqualTo(MailStatus.SENT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
    }

    @Test
    void plainTextMailIsSentAsPlainText() throws Exception {
        String subject = unique("Reset");
        tx.executeWithoutResult(s -> outbox.enqueue(new OutgoingMail(null, "password-reset", "someone@example.com",
                subject, "Your link: https://holdfast.example/reset/xyz", null)));

        worker.deliverDue();

        MimeMessage message = receivedWith(subject).get(0);
        assertThat(message.getContentType()).startsWith("text/plain");
        assertThat(((String) message.getContent()).strip()).isEqualTo("Your link: https://holdfast.example/reset/xyz");
    }

    @Test
    void rolledBackTransactionSendsNothing() throws Exception {
        String subject = unique("Never");
        List<UUID> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            ids.add(outbox.enqueue(new OutgoingMail(null, "invitation", "ghost@example.com", subject, "never sent", null)));
            s.setRollbackOnly();
        });

        worker.deliverDue();

        assertThat(ids).hasSize(1);
        assertThat(queries.find(ids.get(0))).isEmpty();
        assertThat(receivedWith(subject)).isEmpty();
    }

    @Test
    void enqueueOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail(null, "invitation", "a@example.com", "s", "t", null)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void invalidAddressIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> outbox.enqueue(
                new OutgoingMail(null, "invitation", "not an address@@example", "s", "t", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to is not a valid e-mail address");
    }

    @Test
    void whileTheServerIsDownTheMailIsRetriedWithGrowingDelayThenDeliveredOnce() throws Exception {
        deliverEverythingDue();
        String subject = unique("Outage");
        UUID id = enqueue(subject);
        smtp.stop();
        TestClock clock = new TestClock(Instant.now());
        OutboxWorker nodeWorker = new OutboxWorker(store, delivery, properties, clock);

        nodeWorker.deliverDue();
        OutboxSummary first = summary(id);
        assertThat(first.status()).isEqualTo(MailStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("Connection refused");
        Duration firstDelay = Duration.between(clock.instant(), first.nextAttemptAt());
        assertThat(firstDelay).isBetween(Duration.ofMillis(22_500), Duration.ofSeconds(30));

        clock.advance(firstDelay.minusSeconds(1));
        nodeWorker.deliverDue();
        assertThat(summary(id).attempts()).as("not due yet: no attempt").isEqualTo(1);

        clock.set(first.nextAttemptAt());
        nodeWorker.deliverDue();
        OutboxSummary second = summary(id);
        assertThat(second.attempts()).isEqualTo(2);
        Duration secondDelay = Duration.between(clock.instant(), second.nextAttemptAt());
        assertThat(secondDelay).isGreaterThan(firstDelay).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(60));

        smtp.start();
        clock.set(second.nextAttemptAt());
        nodeWorker.deliverDue();
        nodeWorker.deliverDue();

        assertThat(summary(id).status()).isEqualTo(MailStatus.SENT);
        assertThat(summary(id).lastError()).isNull();
        assertThat(receivedWith(subject)).hasSize(1);
    }

    @Test
    void temporaryFailuresEndFailedAfterMaxAttempts() {
        deliverEverythingDue();
        String subject = unique("Give up");
        UUID id = enqueue(subject);
        smtp.stop();
        TestClock clock = new TestClock(Instant.now());
        OutboxWorker nodeWorker = new OutboxWorker(store, delivery, properties, clock);

        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            nodeWorker.deliverDue();
            clock.set(summary(id).nextAttemptAt());
        }

        OutboxSummary row = summary(id);
        assertThat(row.attempts()).isEqualTo(8);
        assertThat(row.status()).isEqualTo(MailStatus.FAILED);
    }

    @Test
    void permanentRejectionEndsFailedAtOnceAndIsListed() throws Exception {
        deliverEverythingDue();
        String subject = unique("Rejected");
        UUID id = enqueue(subject);
        // the server answers a MAIL FROM line longer than it accepts with "500 Command too long"
        OutboxProperties badSender = withFrom("x".repeat(5000) + "@localhost");
        OutboxWorker nodeWorker = new OutboxWorker(store,
                new SmtpDelivery(context.getBeanProvider(JavaMailSender.class), badSender), badSender,
                new TestClock(Instant.now()));

        nodeWorker.deliverDue();

        OutboxSummary row = summary(id);
        assertThat(row.status()).isEqualTo(MailStatus.FAILED);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).startsWith("SMTP 500").doesNotContain("xxxx@localhost");
        assertThat(queries.page(MailStatus.FAILED, null, null, 1000)).extracting(OutboxSummary::id).contains(id);
        assertThat(queries.countsByStatus().get(MailStatus.FAILED)).isPositive();
        assertThat(receivedWith(subject)).isEmpty();
    }

    @Test
    void twoWorkersRunningTogetherDeliverEveryMailExactlyOnce() throws Exception {
        String prefix = unique("Shared");
        int count = 30;
        List<UUID> ids = tx.execute(s -> {
            List<UUID> queued = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                queued.add(outbox.enqueue(new OutgoingMail(null, "alert", "ops" + i + "@example.com",
                        prefix + " #" + i, "body " + i, null)));
            }
            return queued;
        });
        OutboxProperties smallBatches = withBatchSize(3);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                OutboxWorker nodeWorker = new OutboxWorker(store, delivery, smallBatches, java.time.Clock.systemUTC());
                results.add(nodes.submit(() -> {
                    start.await();
                    int attempted = 0;
                    for (int run = 0; run < 50 && !allSent(ids); run++) {
                        attempted += nodeWorker.deliverDue();
                    }
                    return attempted;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(allSent(ids)).isTrue();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().startsWith(prefix + " #")) {
                subjects.add(message.getSubject());
            }
        }
        assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(summary(id).attempts()).isEqualTo(1));
    }

    /**
     * A worker whose SMTP fails fails every mail it claims, so before breaking SMTP the tests deliver what
     * other tests left due: only their own mail is then due.
     */
    private void deliverEverythingDue() {
        for (int run = 0; run < 100 && worker.deliverDue() > 0; run++) {
            // until a run finds nothing due
        }
    }

    private UUID enqueue(String subject) {
        UUID id = tx.execute(s -> outbox.enqueue(new OutgoingMail(null, "invitation", "someone@example.com",
                subject, "text", null)));
        return java.util.Objects.requireNonNull(id);
    }

    private boolean allSent(List<UUID> ids) {
        return ids.stream().allMatch(id -> summary(id).status() == MailStatus.SENT);
    }

    private OutboxSummary summary(UUID id) {
        return queries.find(id).orElseThrow().mail();
    }

    private List<MimeMessage> receivedWith(String subject) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                found.add(message);
            }
        }
        return found;
    }

    private OutboxProperties withFrom(String from) {
        OutboxProperties p = properties;
        return new OutboxProperties(from, p.pollInterval(), p.maxAttempts(), p.batchSize(), p.initialBackoff(),
                p.maxBackoff(), p.sendLease(), p.keepSent());
    }

    private OutboxProperties withBatchSize(int batchSize) {
        OutboxProperties p = properties;
        return new OutboxProperties(p.from(), p.pollInterval(), p.maxAttempts(), batchSize, p.initialBackoff(),
                p.maxBackoff(), p.sendLease(), p.keepSent());
    }

    private static String unique(String what) {
        return what + " " + UUID.randomUUID();
    }
}
