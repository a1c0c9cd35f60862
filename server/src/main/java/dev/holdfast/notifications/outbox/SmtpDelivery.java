package dev.holdfast.notifications.outbox;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one claimed mail through Spring Boot's {@link JavaMailSender}, which exists only when
 * {@code spring.mail.host} is set. Text-only mails go out as text/plain, mails with HTML as
 * multipart/alternative with both parts.
 */
@Component
class SmtpDelivery {

    static final String ID_HEADER = "X-Holdfast-Mail-Id";

    private final ObjectProvider<JavaMailSender> senders;
    private final InternetAddress from;

    SmtpDelivery(ObjectProvider<JavaMailSender> senders, OutboxProperties properties) {
        this.senders = senders;
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("holdfast.mail.from is not a valid address", e);
        }
    }

    boolean configured() {
        return sender() != null;
    }

    /** Hands the mail to the SMTP server; throws a {@link org.springframework.mail.MailException} when that fails. */
    void send(ClaimedMail mail) {
        JavaMailSender sender = sender();
        if (sender == null) {
            throw new IllegalStateException("SMTP is not configured");
        }
        sender.send(compose(sender, mail));
    }

    private MimeMessage compose(JavaMailSender sender, ClaimedMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            String html = mail.htmlBody();
            MimeMessageHelper helper = new MimeMessageHelper(message, html != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(mail.subject());
            if (html != null) {
                helper.setText(mail.textBody(), html);
            } else {
                helper.setText(mail.textBody());
            }
            message.setHeader(ID_HEADER, mail.id().toString());
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("mail " + mail.id() + " could not be composed", e);
        }
    }

    private @Nullable JavaMailSender sender() {
        return senders.getIfAvailable();
    }
}
