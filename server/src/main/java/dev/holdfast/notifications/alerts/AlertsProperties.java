package dev.holdfast.notifications.alerts;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The alert job.
 *
 * @param cron          when the job runs (Spring cron, UTC; {@code -} turns it off). It evaluates every company and sends
 *                      the digests that are due, so it must run at least hourly for digests to go out at their hour.
 * @param lockAtMostFor how long one node holds the job's lock at most (a crashed node releases it after this)
 * @param mailListLimit alerts listed in one e-mail; the rest are summarized with a link to the notifications page
 */
@Validated
@ConfigurationProperties("holdfast.alerts")
public record AlertsProperties(
        @NotBlank @DefaultValue("0 5 * * * *") String cron,
        @NotNull @DefaultValue("1h") Duration lockAtMostFor,
        @Min(1) @Max(1000) @DefaultValue("50") int mailListLimit) {
}
