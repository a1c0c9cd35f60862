package dev.holdfast.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Replies as real SMTP servers (Postfix, Exchange, Gmail) send them. */
class SendFailureTest {

    @Test
    void unknownRecipientIsPermanentAndTheAddressIsCutOut() throws Exception {
        var rejected = new MessagingException("550 5.1.1 <bob.smith@example.com>: Recipient address rejected: User unknown in virtual mailbox table\n");
        var send = new SendFailedException("Invalid Addresses", rejected,
                new InternetAddress[0], new InternetAddress[0], new InternetAddress[] {new InternetAddress("bob.smith@example.com")});

        SendFailure failure = SendFailure.of(new MailSendException(failed(send)));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.description()).startsWith("SMTP 550 5.1.1").contains("<address>")
                .doesNotContain("bob.smith", "example.com");
    }

    @Test
    void greylistingAndMailboxFullForNowAreTemporary() {
        SendFailure greylisted = SendFailure.of(new MailSendException(failed(
                new MessagingException("451 4.7.1 Service unavailable - try again later"))));
        SendFailure busy = SendFailure.of(new MailSendException(failed(
                new MessagingException("421-4.7.0 Try again later, closing connection. (EHLO) x"))));

        assertThat(greylisted.permanent()).isFalse();
        assertThat(greylisted.description()).isEqualTo("SMTP 451 4.7.1 Service unavailable - try again later");
        assertThat(busy.permanent()).isFalse();
    }

    @Test
    void noConnectionIsTemporary() {
        var e = new MailSendException("Mail server connection failed", new MessagingException(
                "Couldn't connect to host, port: smtp.example.com, 587; timeout 10000",
                new ConnectException("Connection refused")));

        SendFailure failure = SendFailure.of(e);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.description()).contains("Connection refused");
    }

    @Test
    void failedAuthenticationStaysTemporarySoAFixedConfigurationStillDelivers() {
        var e = new MailAuthenticationException(new MessagingException("535 5.7.8 Authentication credentials invalid"));

        SendFailure failure = SendFailure.of(e);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.description()).contains("535");
    }

    @Test
    void longRepliesAreCutShort() {
        assertThat(SendFailure.sanitize("x".repeat(1000))).hasSize(300);
        assertThat(SendFailure.sanitize(null)).isEqualTo("(no detail)");
    }

    private static Map<Object, Exception> failed(Exception e) {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        failed.put("message", e);
        return failed;
    }
}
