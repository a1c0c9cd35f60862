package dev.holdfast.ingest.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import dev.holdfast.ingest.FieldBatches;
import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BatchFormatException;
import dev.holdfast.protocol.BatchLimits;
import dev.holdfast.protocol.CompactBatchCodec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link FieldBatches} on {@code field_batches}: every storage format is read (0 = gzip JSON, 1 and 2
 * = {@link CompactBatchCodec}, deflated and plain). */
@Component
class JdbcFieldBatches implements FieldBatches {

    private static final BatchCodec JSON = new BatchCodec(new BatchLimits(1_000_000, Integer.MAX_VALUE));
    private static final CompactBatchCodec COMPACT = new CompactBatchCodec();

    private final JdbcClient jdbc;

    JdbcFieldBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Claimed> claim(int max) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("claim field batches inside a transaction; the locks last until its end");
        }
        return jdbc.sql("""
                select tenant_id, day, device_id, batch_id, received_at, skew_ms, format, payload from field_batches
                where processed_at is null order by received_at limit ? for update skip locked
                """).param(Math.max(0, max)).query((rs, n) -> claimed(rs)).list();
    }

    @Override
    public void markProcessed(List<Claimed> batches) {
        if (batches.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                update field_batches f set processed_at = now()
                from (values\s""");
        List<Object> params = new ArrayList<>(batches.size() * 4);
        for (int i = 0; i < batches.size(); i++) {
            Claimed c = batches.get(i);
            sql.append(i == 0 ? "(?::uuid, ?::date, ?::uuid, ?::uuid)" : ", (?, ?, ?, ?)");
            params.add(c.tenantId());
            params.add(c.day());
            params.add(c.deviceId());
            params.add(c.batchId());
        }
        sql.append("""
                ) v(tenant_id, day, device_id, batch_id)
                where f.tenant_id = v.tenant_id and f.day = v.day and f.device_id = v.device_id and f.batch_id = v.batch_id
                """);
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    public List<Claimed> processed(Instant after, Instant until, int max) {
        return jdbc.sql("""
                select tenant_id, day, device_id, batch_id, received_at, skew_ms, format, payload from field_batches
                where tenant_id = ? and processed_at is not null and received_at > ? and received_at <= ?
                order by received_at limit ?
                """).params(dev.holdfast.platform.TenantContext.require(), after.atOffset(java.time.ZoneOffset.UTC),
                until.atOffset(java.time.ZoneOffset.UTC), Math.max(0, max)).query((rs, n) -> claimed(rs)).list();
    }

    /** A row of (tenant_id, day, device_id, batch_id, received_at, skew_ms, format, payload), decoded. */
    private static Claimed claimed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6),
                decode(rs.getInt(7), rs.getBytes(8)));
    }

    /** A stored payload in its format. */
    static Batch decode(int format, byte[] payload) {
        if (format == CompactBatchCodec.DEFLATED || format == CompactBatchCodec.PLAIN) {
            return COMPACT.decode(format, payload);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload), 8192)) {
            return JSON.decode(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BatchFormatException e) {
            throw new IllegalStateException("a stored batch does not decode: " + e.getMessage(), e);
        }
    }
}
