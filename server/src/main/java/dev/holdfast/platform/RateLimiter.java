package dev.holdfast.platform;

import java.time.Duration;

/**
 * Rate limits shared by every app node: buckets live in PostgreSQL ({@code rate_limit_buckets}), keyed by
 * a SHA-256 hash of the limit and the key, so keys may be IP addresses or e-mail addresses — they are never
 * stored as given. Works inside or outside a transaction; consumption is committed on its own connection
 * at once and is not undone when the caller's transaction rolls back.
 */
public interface RateLimiter {

    /**
     * Takes one token from the bucket {@code limit.name() + ":" + key}.
     *
     * @throws ProblemException {@link ProblemException#tooManyRequests(Duration)} with the wait until the next
     *         token when the bucket is empty (answered as 429 with {@code Retry-After} on {@code /api})
     */
    void consume(RateLimit limit, String key);

    /** Same without throwing; returns the wait until the next token, {@link Duration#ZERO} when one was taken. */
    Duration tryConsume(RateLimit limit, String key);
}
