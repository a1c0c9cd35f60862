package dev.holdfast.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector against a real HTTP server on loopback whose answers the test chooses (the Holdfast server itself is
 * exercised in the server module's CollectorToServerTest).
 */
class CollectorTest {

    private static final byte[] IBEACON = HexFormat.of().parseHex("0201061aff4c0002154142434445464748494041424344454600010002f8");
    private static final long T0 = 1_763_892_000_000L;
    private static final long INTERVAL = Duration.ofMinutes(15).toMillis();

    @TempDir
    Path dir;

    HttpServer server;
    final AtomicInteger status = new AtomicInteger(202);
    final List<Batch> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/ingest/batches", exchange -> {
            try (InputStream in = new GZIPInputStream(exchange.getRequestBody())) {
                received.add(new BatchCodec().decode(in));
            } catch (Exception e) {
                throw new IOException(e);
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sealsEveryIntervalAndUploadsGzippedBatches() throws IOException {
        try (Collector c = collector()) {
            record(c, 10);
            assertThat(c.tick(T0 + INTERVAL - 1).pendingBatches()).as("not due yet").isZero();
            assertThat(received).isEmpty();
            Collector.Status s = c.tick(T0 + INTERVAL);
            assertThat(s.pendingBatches()).isZero();
            assertThat(s.lastUploadAt()).isEqualTo(T0 + INTERVAL);
        }
        assertThat(received).hasSize(1);
        assertThat(received.get(0).gps()).hasSize(10);
        assertThat(received.get(0).ble()).hasSize(10);
        assertThat(received.get(0).motion()).hasSize(10);
    }

    @Test
    void keepsTheBatchIdAcrossRetriesAndBacksOffLongerEachTime() throws IOException {
        status.set(503);
        try (Collector c = collector()) {
            record(c, 3);
            c.tick(T0 + INTERVAL);
            long firstTry = c.nextAttemptAt();
            long first = firstTry - (T0 + INTERVAL);
            c.tick(firstTry - 1);
            assertThat(received).as("no attempt before the backoff ends").hasSize(1);
            c.tick(firstTry);
            long second = c.nextAttemptAt() - firstTry;
            assertThat(first).isBetween(22_500L, 30_000L);
            assertThat(second).isBetween(45_000L, 60_000L);
            status.set(202);
            c.tick(c.nextAttemptAt());
            assertThat(c.status().pendingBatches()).isZero();
        }
        assertThat(received).hasSizeGreaterThanOrEqualTo(3);
        UUID id = received.get(0).batchId();
        assertThat(received).allSatisfy(b -> assertThat(b.batchId()).isEqualTo(id));
    }

    @Test
    void aBatchHeldBackByAnOutageCarriesTheTimeItIsSentNotSealed() throws IOException {
        status.set(503);
        long outageEnds = T0 + INTERVAL + Duration.ofHours(2).toMillis();
        try (Collector c = collector()) {
            record(c, 3);
            c.tick(T0 + INTERVAL);
            status.set(202);
            c.tick(outageEnds);
            assertThat(c.status().pendingBatches()).isZero();
        }
        assertThat(received).hasSize(2);
        assertThat(received.get(0).sentAt()).isEqualTo(T0 + INTERVAL);
        assertThat(received.get(1).batchId()).isEqualTo(received.get(0).batchId());
        assertThat(received.get(1).sentAt()).as("the server corrects clock skew by sentAt").isEqualTo(outageEnds);
        assertThat(received.get(1).gps().t(0)).as("observation times are untouched").isEqualTo(T0);
    }

    @Test
    void aDamagedSealedBatchIsSetAsideAndTheRestStillGoOut() throws IOException {
        try (Collector c = collector()) {
            status.set(503);
            record(c, 2);
            c.tick(T0 + INTERVAL);
            Path outbox = dir.resolve("outbox");
            Path damaged;
            try (var files = Files.list(outbox)) {
                damaged = files.filter(f -> f.toString().endsWith(".json.gz")).findFirst().orElseThrow();
            }
            Files.write(damaged, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
            record(c, 2);
            status.set(202);
            c.tick(T0 + 2 * INTERVAL);
            assertThat(c.status().pendingBatches()).isZero();
            assertThat(outbox.resolve("rejected").resolve(damaged.getFileName())).exists();
        }
        assertThat(received).last().satisfies(b -> assertThat(b.gps()).hasSize(2));
    }

    @Test
    void observationsSurviveTheProcessBeingKilled() throws IOException {
        Collector killed = collector();
        record(killed, 5);
        killed.tick(T0 + 1000); // flushes the journal, as the host does on each tick
        // no close(): the process died here
        try (Collector restarted = collector()) {
            restarted.tick(T0 + INTERVAL);
        }
        assertThat(received).hasSize(1);
        assertThat(received.get(0).gps()).hasSize(5);
    }

    @Test
    void aBatchTheServerRefusesIsSetAsideNotRetriedForever() throws IOException {
        status.set(422);
        try (Collector c = collector()) {
            record(c, 2);
            c.tick(T0 + INTERVAL);
            assertThat(c.status().pendingBatches()).isZero();
            assertThat(c.status().lastError()).isEqualTo("HTTP 422");
        }
        try (var rejected = Files.list(dir.resolve("outbox").resolve("rejected"))) {
            assertThat(rejected.count()).isOne();
        }
    }

    @Test
    void aFullBufferDropsTheOldestBatches() throws IOException {
        status.set(503);
        CollectorConfig small = new CollectorConfig(dir, URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "hfd_test", Duration.ofMinutes(15), 64 * 1024, Duration.ofHours(1), Duration.ofHours(1));
        try (Collector c = new Collector(small, new HttpUrlConnectionTransport(2000), T0)) {
            for (int interval = 1; interval <= 40; interval++) {
                record(c, 300);
                c.seal(T0 + interval * INTERVAL);
            }
            assertThat(c.status().droppedBatches()).isPositive();
            long total = 0;
            try (var files = Files.list(dir.resolve("outbox"))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    total += Files.size(f);
                }
            }
            assertThat(total).isLessThanOrEqualTo(64 * 1024);
        }
    }

    private Collector collector() throws IOException {
        CollectorConfig config = new CollectorConfig(dir, URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "hfd_test", Duration.ofMinutes(15), 1 << 20, Duration.ofSeconds(30), Duration.ofHours(1));
        return new Collector(config, new HttpUrlConnectionTransport(2000), T0);
    }

    private static void record(Collector c, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            long t = T0 + i * 1000L;
            c.record(new GpsFix(t, 48.1 + i * 1e-4, 11.5, 5f));
            c.record(new BleSighting(t + 1, -60 - i % 30, IBEACON, null));
            c.record(new MotionWindow(t, 1000, 0.2f));
        }
    }
}
