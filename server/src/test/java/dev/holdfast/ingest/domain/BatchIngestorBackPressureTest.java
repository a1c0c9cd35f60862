package dev.holdfast.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Without the database: what an upload hears when the writer cannot take it or does not commit it in time. */
class BatchIngestorBackPressureTest {

    final IngestProperties properties = new IngestProperties(Duration.ofDays(30), Duration.ofHours(24), 8 << 20, 20_000,
            2, 1, 1, 256, Duration.ofMillis(200), Duration.ZERO, 0);
    final FieldPartitions partitions = new FieldPartitions(null, null, properties) {
        @Override
        public void ensure(LocalDate day) {
        }
    };

    final FieldRetention retention = new FieldRetention(null, null, properties) {
        @Override
        public Duration effective(UUID tenant) {
            return properties.retention();
        }
    };

    @Test
    void aFullQueueIsAnswered503WithRetryAfter() {
        BatchWriter full = new BatchWriter(null, null, null, properties) {
            @Override
            boolean offer(Row row) {
                return false;
            }
        };
        ProblemException refused = upload(new BatchIngestor(full, partitions, retention, properties));
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCommitThatDoesNotComeInTimeIsAnswered503AndTheUploadStaysQueued() {
        List<BatchWriter.Row> taken = new ArrayList<>();
        BatchWriter slow = new BatchWriter(null, null, null, properties) {
            @Override
            boolean offer(Row row) {
                return taken.add(row);
            }
        };
        ProblemException late = upload(new BatchIngestor(slow, partitions, retention, properties));
        assertThat(late.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(late.retryAfter()).isNotNull();
        assertThat(taken).as("handed to the writer, which may still commit it (a re-send is then a duplicate)")
                .hasSize(1);
        assertThat(taken.get(0).payload()).isNotEmpty();
    }

    private static ProblemException upload(BatchIngestor ingestor) {
        long now = System.currentTimeMillis();
        byte[] body = ("{\"batchId\":\"" + UUID.randomUUID() + "\",\"sentAt\":" + now + ",\"gps\":[{\"t\":" + (now - 1000)
                + ",\"lat\":48.1,\"lon\":11.5,\"acc\":5}]}").getBytes(StandardCharsets.UTF_8);
        try (TenantContext.Scope ignored = TenantContext.enter(UUID.randomUUID())) {
            return catchThrowableOfType(ProblemException.class, () -> ingestor.ingest(UUID.randomUUID(), body, false));
        }
    }
}
