package dev.holdfast.collector;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;

/**
 * Closed batches waiting for upload, one gzip file each named {@code <sealedAt>-<batchId>.json.gz}: written to a
 * temporary file, synced and renamed, so a file is either whole or absent. When the total passes the size limit the
 * oldest batches are dropped (the newest data is the most useful, and the device must not fill its storage).
 */
final class SealedBatches {

    private final Path dir;
    private final long maxBytes;
    private final BatchCodec codec = new BatchCodec();
    private long dropped;

    SealedBatches(Path dir, long maxBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        try (Stream<Path> leftovers = Files.list(dir)) {
            for (Path p : (Iterable<Path>) leftovers.filter(f -> f.getFileName().toString().endsWith(".tmp"))::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    void seal(Batch batch, long sealedAt) throws IOException {
        String name = String.format("%013d-%s.json.gz", sealedAt, batch.batchId());
        Path tmp = dir.resolve(name + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 8192)) {
            codec.encode(batch, out);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        enforceLimit();
    }

    /** Oldest first. */
    List<Path> pending() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json.gz"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
    }

    static UUID batchId(Path file) {
        String name = file.getFileName().toString();
        return UUID.fromString(name.substring(14, 14 + 36));
    }

    void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    long dropped() {
        return dropped;
    }

    private void enforceLimit() throws IOException {
        List<Path> files = pending();
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        for (int i = 0; total > maxBytes && i < files.size() - 1; i++) {
            total -= Files.size(files.get(i));
            Files.deleteIfExists(files.get(i));
            dropped++;
        }
    }
}
