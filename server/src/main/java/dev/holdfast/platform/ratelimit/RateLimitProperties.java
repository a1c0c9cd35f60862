package dev.holdfast.platform.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code holdfast.rate-limit.*}.
 *
 * @param enabled false turns every rate limit off (API writes and the limits other modules take, such as
 *        sign-in failures) — for load tests, or behind a gateway that limits already
 * @param apiWritesPerMinute writes (POST, PUT, PATCH, DELETE) on {@code /api} allowed per user, device or
 *        (when anonymous) client IP per minute; device uploads under {@code /api/v1/ingest} do not count
 */
@ConfigurationProperties("holdfast.rate-limit")
@Validated
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("120") @Positive int apiWritesPerMinute) {
}
