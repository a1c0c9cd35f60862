package dev.holdfast.collector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the collector keeps its files, which server it talks to with which device token, how often it closes a
 * batch, and how much it may keep on disk before it drops the oldest sealed batches.
 */
public record CollectorConfig(Path directory, URI server, String deviceToken, Duration uploadInterval,
        long maxBufferBytes, Duration firstRetry, Duration maxRetry) {

    public CollectorConfig {
        if (uploadInterval.isNegative() || uploadInterval.isZero()) {
            throw new IllegalArgumentException("upload interval must be positive");
        }
        if (maxBufferBytes < 64 * 1024) {
            throw new IllegalArgumentException("the buffer needs at least 64 KiB");
        }
    }

    /** Defaults: 15-minute batches, 64 MiB of buffer, retries from 30 s doubling up to 1 h. */
    public static CollectorConfig of(Path directory, URI server, String deviceToken) {
        return new CollectorConfig(directory, server, deviceToken, Duration.ofMinutes(15), 64L * 1024 * 1024,
                Duration.ofSeconds(30), Duration.ofHours(1));
    }
}
