package dev.holdfast.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesAfterEachAttemptUpToTheMaximum() {
        assertThat(backoff.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(3, 0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(7, 0)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.delayAfter(8, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(500, 0)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void jitterShortensByAtMostAQuarterSoDelaysStillGrow() {
        assertThat(backoff.delayAfter(1, 0.999)).isBetween(Duration.ofMillis(22_500), Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(4, 0.5)).isEqualTo(Duration.ofSeconds(210));
        for (int attempt = 1; attempt < 7; attempt++) {
            assertThat(backoff.delayAfter(attempt + 1, 0.999)).as("attempt %d", attempt)
                    .isGreaterThan(backoff.delayAfter(attempt, 0));
        }
    }
}
