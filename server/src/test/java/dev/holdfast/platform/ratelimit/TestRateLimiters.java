package dev.holdfast.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.holdfast.platform.RateLimiter;

/** For tests in other packages: the PostgreSQL limiter on a clock that moves only when told to. */
public final class TestRateLimiters {

    private TestRateLimiters() {
    }

    /** A clock starting now; {@link Clock#advance} moves it. */
    public static Clock clock() {
        return new Clock(new ManualClock(Instant.now()));
    }

    public static RateLimiter on(DataSource dataSource, Clock clock) {
        return new PostgresRateLimiter(dataSource, clock.meter);
    }

    public static final class Clock {
        private final ManualClock meter;

        private Clock(ManualClock meter) {
            this.meter = meter;
        }

        public void advance(Duration by) {
            meter.advance(by);
        }
    }
}
