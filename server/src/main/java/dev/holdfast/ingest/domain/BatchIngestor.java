package dev.holdfast.ingest.domain;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.Deflater;

import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BatchFormatException;
import dev.holdfast.protocol.BatchLimits;
import dev.holdfast.protocol.BatchValidator;
import dev.holdfast.protocol.CompactBatchCodec;
import dev.holdfast.protocol.GzipBodies;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Takes one uploaded batch: inflates (bounded, so a gzip bomb stops at the limit), decodes and validates it (no
 * observation later than now + {@code maxFuture} or older than the company's retention), corrects the device clock by
 * the skew between {@code sentAt} and now, encodes it compactly ({@link CompactBatchCodec}) and
 * hands it to the group-commit {@link BatchWriter}, which stores it once per (device, batchId) — a re-sent or
 * concurrently duplicated batch is recognised, never stored twice. The CPU-bound part runs for at most
 * {@code holdfast.ingest.decoders} uploads at once (default 64). Returns only after the commit;
 * throws a 503 {@link ProblemException} (with Retry-After) when the write queue is full or the commit does not come
 * in time.
 */
@Service
public class BatchIngestor {

    /** What happened to an upload. */
    public record Result(UUID batchId, boolean duplicate) {
    }

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final BatchWriter writer;
    private final CompactBatchCodec compact = new CompactBatchCodec();
    private final FieldPartitions partitions;
    private final FieldRetention retention;
    private final IngestProperties properties;
    private final BatchCodec codec;
    private final Semaphore decoding;
    /**
     * Uploads inflating past {@link GzipBodies#KEPT} (up to the body limit, 8 MiB by default) at once: one per
     * processor, so that many large or hostile bodies together cannot fill the heap.
     */
    private final Semaphore largeBodies = new Semaphore(Runtime.getRuntime().availableProcessors());
    /**
     * What a decoder permit works with: one per permit, so a thread holding a permit always finds one. Taken and given
     * back at the front, so that the few in use under ordinary load are the ones whose buffers are warm; the others
     * never allocate theirs.
     */
    private final Deque<Workspace> workspaces = new ConcurrentLinkedDeque<>();

    /** The buffer a body is inflated into, and the deflater of its storage form (zlib's tables set up once). */
    private static final class Workspace {
        final GzipBodies inflater;
        private Deflater deflater;

        Workspace(int maxBodyBytes) {
            inflater = new GzipBodies(maxBodyBytes);
        }

        Deflater deflater() {
            if (deflater == null) {
                deflater = CompactBatchCodec.newDeflater();
            }
            return deflater;
        }
    }

    BatchIngestor(BatchWriter writer, FieldPartitions partitions, FieldRetention retention, IngestProperties properties) {
        this.writer = writer;
        this.partitions = partitions;
        this.retention = retention;
        this.properties = properties;
        this.codec = new BatchCodec(new BatchLimits(properties.maxObservations(), properties.maxBodyBytes()));
        this.decoding = new Semaphore(properties.decodersOrProcessors());
        for (int i = 0; i < properties.decodersOrProcessors(); i++) {
            workspaces.addFirst(new Workspace(properties.maxBodyBytes()));
        }
    }

    /** {@code body} is the request body as sent (gzip when {@code gzipped}); the caller bounds its compressed size. */
    public Result ingest(UUID deviceId, byte[] body, boolean gzipped) throws BatchFormatException, IOException {
        UUID tenant = TenantContext.require();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        BatchWriter.Row row;
        acquireDecoder();
        try {
            row = prepare(tenant, deviceId, body, gzipped, done);
        } finally {
            decoding.release();
        }
        if (!writer.offer(row)) {
            throw busy("Too many uploads are waiting to be stored");
        }
        try {
            return new Result(row.batchId(), done.get(properties.commitWait().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // it may still commit: the device re-sends the same batch id and hears "duplicate"
            throw busy("The upload was not stored in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The server is stopping");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** At most {@code decoders} uploads do the CPU-bound part at once; the others wait here (not in the CPU). */
    private void acquireDecoder() {
        acquire(decoding, "The server is too busy to read the upload");
    }

    private void acquire(Semaphore permits, String busyDetail) {
        try {
            if (!permits.tryAcquire(properties.commitWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(busyDetail);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The server is stopping");
        }
    }

    /** The CPU-bound part: inflate, decode, validate, correct the clock, encode compactly. */
    private BatchWriter.Row prepare(UUID tenant, UUID deviceId, byte[] body, boolean gzipped,
            CompletableFuture<Boolean> done) throws BatchFormatException, IOException {
        Instant received = Instant.now();
        Workspace workspace = workspaces.removeFirst(); // there is one for every permit
        try {
            Batch batch = gzipped ? inflateAndDecode(workspace.inflater, body) : codec.decode(body, body.length);
            return row(tenant, deviceId, received, batch, workspace.deflater(), done);
        } finally {
            workspaces.addFirst(workspace);
        }
    }

    private Batch inflateAndDecode(GzipBodies inflater, byte[] body) throws BatchFormatException, IOException {
        int length = inflater.inflate(body, body.length, GzipBodies.KEPT);
        if (length >= 0) {
            return codec.decode(inflater.buffer(), length);
        }
        // larger than the kept buffer: only a few such at once, each up to the body limit
        acquire(largeBodies, "The server is too busy to read a batch this large");
        try {
            length = inflater.inflate(body, body.length);
            return codec.decode(inflater.buffer(), length);
        } finally {
            inflater.shrink(); // a large batch's buffer is not kept
            largeBodies.release();
        }
    }

    /** Validates the decoded batch, corrects the clock and encodes it compactly. */
    private BatchWriter.Row row(UUID tenant, UUID deviceId, Instant received, Batch batch, Deflater deflater,
            CompletableFuture<Boolean> done) throws BatchFormatException {
        long skew = received.toEpochMilli() - batch.sentAt();
        BatchValidator.checkTimeWindow(batch, received.toEpochMilli() - skew, properties.maxFuture().toMillis(),
                retention.effective(tenant).toMillis());
        long[] span = span(batch);
        if (span == null) {
            span = new long[] {batch.sentAt(), batch.sentAt()};
        }
        Instant first = Instant.ofEpochMilli(span[0] + skew);
        Instant last = Instant.ofEpochMilli(span[1] + skew);
        LocalDate day = first.atOffset(ZoneOffset.UTC).toLocalDate();
        partitions.ensure(day);
        byte[] payload = compact.encode(batch, deflater);
        return new BatchWriter.Row(tenant, deviceId, batch.batchId(), day, received, batch.sentAt(), skew, first, last,
                batch.gps().size(), batch.ble().size(), batch.motion().size(), payload, done);
    }

    private static ProblemException busy(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail, List.of(), RETRY_AFTER);
    }

    /** Earliest and latest observation time on the device clock, or null for an empty batch. */
    private static long[] span(Batch b) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < b.gps().size(); i++) {
            min = Math.min(min, b.gps().t(i));
            max = Math.max(max, b.gps().t(i));
        }
        for (int i = 0; i < b.ble().size(); i++) {
            min = Math.min(min, b.ble().t(i));
            max = Math.max(max, b.ble().t(i));
        }
        for (int i = 0; i < b.motion().size(); i++) {
            min = Math.min(min, b.motion().t(i));
            max = Math.max(max, b.motion().t(i));
        }
        return min == Long.MAX_VALUE ? null : new long[] {min, max};
    }
}
