package dev.holdfast.notifications.outbox;

import java.time.Duration;

/**
 * Exponential backoff with jitter: after the n-th failed attempt wait {@code initial * 2^(n-1)}, at most
 * {@code max}, shortened by up to a quarter at random so that mails that failed together (an SMTP outage)
 * do not all come back in the same second.
 */
final class Backoff {

    static final double JITTER = 0.25;

    private final Duration initial;
    private final Duration max;

    Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
    }

    /**
     * @param attempts how many attempts have been made so far (at least 1)
     * @param random   a number in [0, 1)
     */
    Duration delayAfter(int attempts, double random) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
        double full = Math.min(initial.toMillis() * Math.pow(2, doublings), max.toMillis());
        return Duration.ofMillis(Math.round(full * (1 - JITTER * random)));
    }
}
