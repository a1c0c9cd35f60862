package dev.holdfast.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * Sends sealed batches oldest first. 202 (accepted or duplicate) deletes the file; a refusal that retrying cannot
 * fix (400, 413, 422) moves it aside as rejected; anything else (no network, 5xx, 429, 401) keeps it and waits —
 * exponentially longer with jitter — before the next attempt. The file, and so the batch id, stays the same across
 * retries, so the server recognises a batch it already stored.
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
            Transport.Response r;
            try {
                r = transport.send("POST", url, Map.of("Authorization", "Bearer " + token,
                        "Content-Type", "application/json", "Content-Encoding", "gzip"), Files.readAllBytes(file));
            } catch (IOException e) {
                backOff(now, e.getClass().getSimpleName());
                return new Round(sent, rejected, true);
            }
            if (r.status() == 202) {
                batches.remove(file);
                sent++;
            } else if (r.status() == 400 || r.status() == 413 || r.status() == 422) {
                Path aside = file.resolveSibling("rejected").resolve(file.getFileName());
                Files.createDirectories(aside.getParent());
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                lastError = "HTTP " + r.status();
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
