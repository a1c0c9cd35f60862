package dev.holdfast.collector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BatchFormatException;

/**
 * Sends sealed batches oldest first. 202 (accepted or duplicate) deletes the file; a refusal that retrying cannot
 * fix (400, 413, 422) moves it aside as rejected; anything else (no network, 5xx, 429, 401) keeps it and waits —
 * exponentially longer with jitter — before the next attempt. The file, and so the batch id, stays the same across
 * retries, so the server recognises a batch it already stored. {@code sentAt} is stamped at each attempt (the server
 * corrects the device clock by the difference between it and the arrival time, so a batch held back by an outage must
 * not carry the time it was sealed).
 */
final class Uploader {

    /** What one round of uploads did. */
    record Round(int sent, int rejected, boolean failed) {
    }

    private final SealedBatches batches;
    private final Transport transport;
    private final String url;
    private final String token;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Random random;
    private final BatchCodec codec = new BatchCodec();
    private int failures;
    private long nextAttemptAt;
    private String lastError = "";

    Uploader(SealedBatches batches, Transport transport, String url, String token, Duration firstRetry, Duration maxRetry,
            Random random) {
        this.batches = batches;
        this.transport = transport;
        this.url = url;
        this.token = token;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.random = random;
    }

    Round uploadDue(long now) throws IOException {
        if (now < nextAttemptAt) {
            return new Round(0, 0, false);
        }
        int sent = 0;
        int rejected = 0;
        for (Path file : batches.pending()) {
            byte[] body;
            try {
                body = stamped(file, now);
            } catch (BatchFormatException | java.util.zip.ZipException | java.io.EOFException e) {
                setAside(file, "unreadable sealed batch");
                rejected++;
                continue;
            }
            Transport.Response r;
            try {
                r = transport.send("POST", url, Map.of("Authorization", "Bearer " + token,
                        "Content-Type", "application/json", "Content-Encoding", "gzip"), body);
            } catch (IOException e) {
                backOff(now, e.getClass().getSimpleName());
                return new Round(sent, rejected, true);
            }
            if (r.status() == 202) {
                batches.remove(file);
                sent++;
            } else if (r.status() == 400 || r.status() == 413 || r.status() == 422) {
                setAside(file, "HTTP " + r.status());
                rejected++;
            } else {
                backOff(now, "HTTP " + r.status());
                return new Round(sent, rejected, true);
            }
        }
        failures = 0;
        nextAttemptAt = 0;
        return new Round(sent, rejected, false);
    }

    /** The sealed batch with {@code sentAt} set to now, gzip again; one batch in memory at a time. */
    private byte[] stamped(Path file, long now) throws IOException, BatchFormatException {
        Batch sealed;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 8192)) {
            sealed = codec.decode(in);
        }
        Batch batch = new Batch(sealed.batchId(), now, sealed.gps(), sealed.ble(), sealed.motion());
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Files.size(file) + 256, 1 << 24));
        try (OutputStream gz = new GZIPOutputStream(body, 8192)) {
            codec.encode(batch, gz);
        }
        return body.toByteArray();
    }

    private void setAside(Path file, String reason) throws IOException {
        Path aside = file.resolveSibling("rejected").resolve(file.getFileName());
        Files.createDirectories(aside.getParent());
        Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        lastError = reason;
    }

    private void backOff(long now, String error) {
        failures++;
        lastError = error;
        long base = Math.min(maxRetry.toMillis(), firstRetry.toMillis() << Math.min(failures - 1, 20));
        long jitter = (long) (base * 0.25 * random.nextDouble());
        nextAttemptAt = now + base - jitter;
    }

    long nextAttemptAt() {
        return nextAttemptAt;
    }

    String lastError() {
        return lastError;
    }
}
