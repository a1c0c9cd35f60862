package dev.holdfast.ingest;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Field data limits, retention and the group-commit writer. {@code retention} comes from
 * {@code HOLDFAST_FIELD_RETENTION} (ISO-8601, default P30D): older batches are refused on upload and their day
 * partitions dropped; a company may keep less (field-data settings).
 *
 * @param writeQueue   uploads waiting for the writer; when full, uploads are answered 503 with Retry-After
 * @param writers      writer threads, each committing many uploads per transaction. One: with two, each commit
 *                     carried 15 uploads, with one 25, at 0.14 instead of 0.17-0.19 ms of PostgreSQL per upload; one
 *                     writer commits up to {@code maxPerCommit} uploads every linger plus commit, far above the load
 * @param maxPerCommit at most this many uploads in one transaction
 * @param commitWait   how long an upload waits for its commit before it is answered 503 (the device retries;
 *                     the batch id makes that safe)
 * @param linger       how long a writer, having taken an upload, waits for more to join the same transaction (fewer,
 *                     larger transactions cost the database less per upload; every upload waits up to this long more:
 *                     10 ms gave 15 uploads per transaction where 5 ms gave 11-12, at 0.17 instead of 0.19-0.23 ms of
 *                     PostgreSQL per upload, and nothing a collector uploading every 15 minutes would notice)
 * @param decoders     uploads inflated, decoded and encoded at the same time; the others wait off the CPU. Each,
 *                     once used, holds a 256 KB inflate buffer and a deflater (about 256 KB off the heap). Not one per
 *                     core: uploads then pass the decoder one after the other, each waking the next, and reach the
 *                     writer in a trickle (measured: 1,566 batches/s with 2, 1,922 with 64); 0 = the number of
 *                     processors
 */
@Validated
@ConfigurationProperties("holdfast.ingest")
public record IngestProperties(
        @DefaultValue("P30D") Duration retention,
        @DefaultValue("PT24H") Duration maxFuture,
        @Min(1024) @Max(64 * 1024 * 1024) @DefaultValue("8388608") int maxBodyBytes,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxObservations,
        @DefaultValue("2") int partitionsAhead,
        @Min(1) @Max(1_000_000) @DefaultValue("4096") int writeQueue,
        @Min(1) @Max(16) @DefaultValue("1") int writers,
        @Min(1) @Max(2000) @DefaultValue("256") int maxPerCommit,
        @DefaultValue("PT30S") Duration commitWait,
        @DefaultValue("PT0.01S") Duration linger,
        @Min(0) @Max(1024) @DefaultValue("64") int decoders) {

    /** {@link #decoders()}, with 0 resolved to the number of processors. */
    public int decodersOrProcessors() {
        return decoders > 0 ? decoders : Runtime.getRuntime().availableProcessors();
    }
}
