package dev.holdfast.activity.usage;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Usage logs.
 *
 * @param retention            how long usage rows are kept (whole days; older day partitions are dropped)
 * @param partitionsAhead      how many days of partitions exist ahead of today
 * @param requestQueueCapacity request log entries held in memory awaiting the next write; beyond it they
 *                             are dropped and counted ({@code holdfast.usage.requests.dropped})
 * @param flushInterval        how often queued request log entries are written
 */
@Validated
@ConfigurationProperties("holdfast.usage")
record UsageProperties(
        @NotNull @DefaultValue("P90D") Duration retention,
        @Min(1) @Max(60) @DefaultValue("7") int partitionsAhead,
        @Min(100) @DefaultValue("10000") int requestQueueCapacity,
        @NotNull @DefaultValue("1s") Duration flushInterval) {

    @AssertTrue(message = "must be at least one day")
    boolean isRetentionAtLeastADay() {
        return retention.compareTo(Duration.ofDays(1)) >= 0;
    }

    @AssertTrue(message = "must be between 100 ms and 1 minute")
    boolean isFlushIntervalSane() {
        return flushInterval.compareTo(Duration.ofMillis(100)) >= 0 && flushInterval.compareTo(Duration.ofMinutes(1)) <= 0;
    }
}
