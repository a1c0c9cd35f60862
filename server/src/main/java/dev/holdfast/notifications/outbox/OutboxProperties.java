package dev.holdfast.notifications.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox worker. SMTP itself is Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host}
 * mails wait in the outbox.
 *
 * @param from            the From header of every mail
 * @param pollInterval    pause between two runs of the worker on one node
 * @param maxAttempts     attempts before a mail that keeps failing temporarily is marked FAILED
 * @param batchSize       mails one worker claims at a time
 * @param initialBackoff  delay after the first failed attempt; doubled after each further one
 * @param maxBackoff      longest delay between two attempts
 * @param sendLease       how long a claimed mail stays with its worker; after it (a crashed node) another
 *                        worker may send it again
 * @param keepSent        how long sent mails are kept (their bodies may hold one-time links), then deleted
 */
@Validated
@ConfigurationProperties("holdfast.mail")
record OutboxProperties(
        @NotBlank @DefaultValue("Holdfast <holdfast@localhost>") String from,
        @NotNull @DefaultValue("10s") Duration pollInterval,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @Min(1) @Max(1000) @DefaultValue("20") int batchSize,
        @NotNull @DefaultValue("30s") Duration initialBackoff,
        @NotNull @DefaultValue("1h") Duration maxBackoff,
        @NotNull @DefaultValue("5m") Duration sendLease,
        @NotNull @DefaultValue("7d") Duration keepSent) {
}
