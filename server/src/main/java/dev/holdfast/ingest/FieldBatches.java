package dev.holdfast.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.holdfast.protocol.Batch;

/**
 * The work queue of uploaded field data for the tracking module: batches not yet processed, oldest upload first.
 *
 * <p>Use inside a transaction — of one company ({@code TenantTransactions.inTenant}) to work on its batches only, or
 * installation-wide ({@code TenantContext.callInstallationWide} + a transaction) for every company's:
 * <pre>
 * transactions.installationWide(() -> {
 *     List&lt;FieldBatches.Claimed&gt; work = fieldBatches.claim(100);
 *     ... process ...
 *     fieldBatches.markProcessed(work);
 *     return null;
 * });
 * </pre>
 * Claimed rows stay locked ({@code FOR UPDATE SKIP LOCKED}) until the transaction ends, so concurrent claimers (other
 * threads, other nodes) never get the same batch; a crash or rollback puts them back in the queue.
 */
public interface FieldBatches {

    /**
     * One claimed batch, decoded; observation times are on the device clock — add {@code skewMillis} for server time.
     *
     * @param receivedAt when the server accepted it
     * @param skewMillis server clock minus device clock at upload
     */
    record Claimed(UUID tenantId, LocalDate day, UUID deviceId, UUID batchId, Instant receivedAt, long skewMillis,
            Batch batch) {
    }

    /**
     * Locks and answers up to {@code max} unprocessed batches, oldest upload first.
     *
     * @throws IllegalStateException outside a transaction
     */
    List<Claimed> claim(int max);

    /** Marks the batches processed (in the claiming transaction): they leave the queue. */
    void markProcessed(List<Claimed> batches);

    /**
     * Up to {@code max} of the current company's batches already processed, received after {@code after} and not
     * after {@code until}, oldest receipt first — for correlating retained batches again (a tag registered late).
     */
    List<Claimed> processed(Instant after, Instant until, int max);
}
