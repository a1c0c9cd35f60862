package dev.holdfast.ingest;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Field data limits and retention. {@code retention} comes from {@code HOLDFAST_FIELD_RETENTION} (ISO-8601, default
 * P30D): older batches are refused on upload and their day partitions dropped.
 */
@Validated
@ConfigurationProperties("holdfast.ingest")
public record IngestProperties(
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("PT24H") Duration maxFuture,
        @Min(1024) @Max(64 * 1024 * 1024) @DefaultValue("8388608") int maxBodyBytes,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxObservations,
        @DefaultValue("2") int partitionsAhead) {
}
