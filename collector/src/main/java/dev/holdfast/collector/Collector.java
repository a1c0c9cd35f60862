package dev.holdfast.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;

/**
 * The collector core. The host (the Android service, the simulator) feeds observations as they happen and calls
 * {@link #tick(long)} now and then; every upload interval the open observations become a sealed batch on disk, and
 * sealed batches are uploaded when the network allows. Only the open interval is held in memory; everything else
 * is on disk and survives the process being killed.
 */
public final class Collector implements AutoCloseable {

    /** Counters for telemetry and tests. */
    public record Status(int pendingBatches, long droppedBatches, long lastUploadAt, String lastError) {
    }

    private final CollectorConfig config;
    private final Journal journal;
    private final SealedBatches sealed;
    private final Uploader uploader;
    private final List<GpsFix> gps = new ArrayList<>();
    private final List<BleSighting> ble = new ArrayList<>();
    private final List<MotionWindow> motion = new ArrayList<>();
    private long intervalStartedAt;
    private long lastUploadAt;

    public Collector(CollectorConfig config, Transport transport, long now) throws IOException {
        this.config = config;
        Files.createDirectories(config.directory());
        this.journal = new Journal(config.directory().resolve("open-interval.journal"));
        this.sealed = new SealedBatches(config.directory().resolve("outbox"), config.maxBufferBytes());
        this.uploader = new Uploader(sealed, transport, config.server().resolve("/api/v1/ingest/batches").toString(),
                config.deviceToken(), config.firstRetry(), config.maxRetry(), new Random());
        Journal.Contents survived = journal.read();
        gps.addAll(survived.gps());
        ble.addAll(survived.ble());
        motion.addAll(survived.motion());
        this.intervalStartedAt = now;
    }

    public synchronized void record(GpsFix fix) throws IOException {
        gps.add(fix);
        journal.gps(fix);
    }

    public synchronized void record(BleSighting sighting) throws IOException {
        ble.add(sighting);
        journal.ble(sighting);
    }

    public synchronized void record(MotionWindow window) throws IOException {
        motion.add(window);
        journal.motion(window);
    }

    /** Seals the open interval when it is due, then uploads what is waiting (if the backoff allows). */
    public synchronized Status tick(long now) throws IOException {
        journal.flush();
        if (now - intervalStartedAt >= config.uploadInterval().toMillis()) {
            seal(now);
        }
        Uploader.Round round = uploader.uploadDue(now);
        if (round.sent() > 0) {
            lastUploadAt = now;
        }
        return status();
    }

    /** Seals the open interval now (e.g. when the app is about to stop). */
    public synchronized void seal(long now) throws IOException {
        if (!gps.isEmpty() || !ble.isEmpty() || !motion.isEmpty()) {
            sealed.seal(Batch.of(UUID.randomUUID(), now, gps, ble, motion), now);
            gps.clear();
            ble.clear();
            motion.clear();
            journal.clear();
        }
        intervalStartedAt = now;
    }

    public synchronized Status status() throws IOException {
        return new Status(sealed.pending().size(), sealed.dropped(), lastUploadAt, uploader.lastError());
    }

    /** When the next upload attempt may happen (0 when not backing off). */
    public synchronized long nextAttemptAt() {
        return uploader.nextAttemptAt();
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }
}
