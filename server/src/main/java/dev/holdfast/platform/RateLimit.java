package dev.holdfast.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit: {@code capacity} tokens, refilled greedily (a token at a time, evenly) over {@code period}.
 * The {@code name} identifies the limit ({@code "api-writes"}, {@code "login-failures"}); it is stored
 * unhashed, so it must not contain personal data. Changing the capacity or period of a named limit starts
 * fresh buckets for it.
 */
public record RateLimit(String name, long capacity, Duration period) {

    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a rate limit needs a name");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, not " + period);
        }
    }
}
