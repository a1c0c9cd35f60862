package dev.holdfast.ingest.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.holdfast.fleet.Devices;
import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;
import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BatchFormatException;
import dev.holdfast.protocol.BatchLimits;
import dev.holdfast.protocol.BatchValidator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes one uploaded batch: inflates (bounded, so a gzip bomb stops at the limit), decodes and validates it, corrects
 * the device clock by the skew between {@code sentAt} and now, and stores it once per (device, batchId) — a re-sent
 * or concurrently duplicated batch is recognised, never stored twice. Returns only after the commit.
 */
@Service
public class BatchIngestor {

    /** What happened to an upload. */
    public record Result(UUID batchId, boolean duplicate) {
    }

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final FieldPartitions partitions;
    private final IngestProperties properties;
    private final BatchCodec codec;
    private final Devices devices;

    BatchIngestor(JdbcClient jdbc, TenantTransactions transactions, FieldPartitions partitions,
            IngestProperties properties, Devices devices) {
        this.devices = devices;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.partitions = partitions;
        this.properties = properties;
        this.codec = new BatchCodec(new BatchLimits(properties.maxObservations(), properties.maxBodyBytes()));
    }

    /** {@code body} is the request body as sent (gzip when {@code gzipped}); the caller bounds its compressed size. */
    public Result ingest(UUID deviceId, byte[] body, boolean gzipped) throws BatchFormatException, IOException {
        Instant received = Instant.now();
        Batch batch;
        try (InputStream in = gzipped ? new GZIPInputStream(new ByteArrayInputStream(body), 8192)
                : new ByteArrayInputStream(body)) {
            batch = codec.decode(in);
        } catch (java.util.zip.ZipException e) {
            throw new IOException("the body is not valid gzip", e);
        }
        long skew = received.toEpochMilli() - batch.sentAt();
        BatchValidator.checkTimeWindow(batch, received.toEpochMilli() - skew, properties.maxFuture().toMillis(),
                properties.retention().toMillis());
        long[] span = span(batch);
        if (span == null) {
            span = new long[] {batch.sentAt(), batch.sentAt()};
        }
        Instant first = Instant.ofEpochMilli(span[0] + skew);
        Instant last = Instant.ofEpochMilli(span[1] + skew);
        LocalDate day = first.atOffset(ZoneOffset.UTC).toLocalDate();
        partitions.ensure(day);
        byte[] payload = gzipped ? body : gzip(body);
        UUID tenant = TenantContext.require();
        boolean duplicate = transactions.inTenant(tenant, () -> {
            int fresh = jdbc.sql("""
                    insert into ingest_receipts (tenant_id, device_id, batch_id, day, received_at) values (?, ?, ?, ?, ?)
                    on conflict do nothing
                    """).params(tenant, deviceId, batch.batchId(), day, Timestamp.from(received)).update();
            if (fresh == 0) {
                return true;
            }
            jdbc.sql("""
                    insert into field_batches (tenant_id, day, device_id, batch_id, received_at, sent_at, skew_ms, first_at,
                        last_at, gps_count, ble_count, motion_count, payload)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(tenant, day, deviceId, batch.batchId(), Timestamp.from(received),
                    Timestamp.from(Instant.ofEpochMilli(batch.sentAt())), skew, Timestamp.from(first), Timestamp.from(last),
                    batch.gps().size(), batch.ble().size(), batch.motion().size(), payload).update();
            devices.markUpload(tenant, deviceId, received);
            return false;
        });
        return new Result(batch.batchId(), duplicate);
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

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
