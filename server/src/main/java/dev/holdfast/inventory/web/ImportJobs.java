package dev.holdfast.inventory.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import dev.holdfast.inventory.domain.AssetImport;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports started from the page that run in the background, one at a time per company (two at once on the node),
 * so the page can show their progress. Jobs live in this node's memory for an hour after they finish; a job is only
 * ever shown to the company that started it.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    static final Duration KEEP = Duration.ofHours(1);

    /** One background import; fields are read by the polling page while the import thread writes them. */
    static final class Job {
        final UUID id = UUID.randomUUID();
        final UUID tenant;
        final String fileName;
        final boolean dryRun;
        final AtomicLong done = new AtomicLong();
        volatile long total = -1;
        volatile AssetImport.@Nullable Result result;
        volatile @Nullable String error;
        volatile @Nullable Instant finishedAt;

        Job(UUID tenant, String fileName, boolean dryRun) {
            this.tenant = tenant;
            this.fileName = fileName;
            this.dryRun = dryRun;
        }

        public UUID id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public long done() {
            return done.get();
        }

        public long total() {
            return total;
        }

        public boolean finished() {
            return finishedAt != null;
        }

        public AssetImport.@Nullable Result result() {
            return result;
        }

        public @Nullable String error() {
            return error;
        }

        /** Percent done, 0 while the total is unknown. */
        public int percent() {
            long t = total;
            return t <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, done.get() * 100 / t);
        }
    }

    private final AssetImport importer;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "asset-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(AssetImport importer) {
        this.importer = importer;
    }

    /** Starts importing {@code csv} into the current company as the current actor; 409 when one is running. */
    Job start(byte[] csv, String fileName, boolean dryRun) {
        UUID tenant = TenantContext.require();
        Actor actor = CurrentActor.get();
        forget();
        Job job = new Job(tenant, fileName, dryRun);
        synchronized (jobs) {
            if (jobs.values().stream().anyMatch(j -> j.tenant.equals(tenant) && !j.finished())) {
                throw ProblemException.conflict("An import is already running for your company; wait until it has finished");
            }
            jobs.put(job.id, job);
        }
        executor.execute(() -> {
            try (var a = CurrentActor.enter(actor)) {
                AssetImport.Result result = TenantContext.callAs(tenant, () -> importer.run(csv, dryRun, (done, total) -> {
                    job.total = total;
                    job.done.set(done);
                }));
                job.result = result;
            } catch (ProblemException e) {
                job.error = e.getMessage();
            } catch (RuntimeException e) {
                log.warn("Background asset import {} failed", job.id, e);
                job.error = "The import failed unexpectedly; nothing was imported. Try again, or import the file in parts.";
            } finally {
                job.finishedAt = Instant.now();
            }
        });
        return job;
    }

    /** The job if it belongs to the current company. */
    Optional<Job> find(UUID id) {
        Job job = jobs.get(id);
        return job != null && TenantContext.current().map(job.tenant::equals).orElse(false) ? Optional.of(job)
                : Optional.empty();
    }

    private void forget() {
        Instant cutoff = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(cutoff));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
