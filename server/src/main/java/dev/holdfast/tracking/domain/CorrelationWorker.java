package dev.holdfast.tracking.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.holdfast.ingest.FieldBatches;
import dev.holdfast.platform.TenantTransactions;
import dev.holdfast.tracking.TrackingProperties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Correlates uploaded batches as they arrive: each worker thread claims up to {@code batchesPerTransaction}
 * unprocessed batches of every company ({@code FOR UPDATE SKIP LOCKED}: every node runs workers, none gets a batch
 * another holds), correlates them and writes what they tell, company by company, and marks them processed — all in one
 * transaction, so a node dying mid-way puts its batches back in the queue and nothing is processed twice. A batch whose
 * correlation fails on its own is logged (by id) and left processed rather than stopping the queue.
 */
@Component
public class CorrelationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CorrelationWorker.class);

    private final FieldBatches queue;
    private final TenantTransactions transactions;
    private final TagRegistry tags;
    private final TrackingUpdates updates;
    private final TrackingProperties properties;
    private final Correlator correlator;
    private final Counter batches;
    private final Counter sightings;
    private final Counter failures;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    CorrelationWorker(FieldBatches queue, TenantTransactions transactions, TagRegistry tags, TrackingUpdates updates,
            TrackingProperties properties, MeterRegistry meters) {
        this.queue = queue;
        this.transactions = transactions;
        this.tags = tags;
        this.updates = updates;
        this.properties = properties;
        this.correlator = new Correlator(properties.pathLossExponent());
        this.batches = Counter.builder("holdfast.tracking.batches").description("batches correlated")
                .register(meters);
        this.sightings = Counter.builder("holdfast.tracking.sightings")
                .description("BLE sightings of registered tags placed by the correlation").register(meters);
        this.failures = Counter.builder("holdfast.tracking.failures")
                .description("batches whose correlation failed on their own (left processed, logged by id)")
                .register(meters);
    }

    /**
     * Claims and correlates up to {@code max} batches in one transaction; answers how many were claimed (0 = the queue
     * is empty).
     */
    public int processOnce(int max) {
        try {
            return transactions.installationWide(() -> correlate(queue.claim(max), false));
        } catch (RuntimeException e) {
            log.warn("Correlating a group of batches failed ({}); taking them one by one", e.toString());
            int done = 0;
            for (int i = 0; i < max; i++) {
                int n = transactions.installationWide(() -> correlate(queue.claim(1), true));
                if (n == 0) {
                    break;
                }
                done += n;
            }
            return done;
        }
    }

    private int correlate(List<FieldBatches.Claimed> claimed, boolean alone) {
        Map<UUID, List<FieldBatches.Claimed>> byTenant = new LinkedHashMap<>();
        for (FieldBatches.Claimed c : claimed) {
            byTenant.computeIfAbsent(c.tenantId(), t -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<UUID, List<FieldBatches.Claimed>> e : byTenant.entrySet()) {
            UUID tenant = e.getKey();
            transactions.rebound(tenant, () -> {
                TagRegistry.Registered registered = tags.of(tenant);
                List<Evidence> evidence = new ArrayList<>();
                for (FieldBatches.Claimed c : e.getValue()) {
                    Correlation correlation = correlator.correlate(c.batch(), c.skewMillis(), registered);
                    sightings.increment(correlation.placed());
                    evidence.add(new Evidence(c.deviceId(), c.batchId(), Evidence.BLE, correlation));
                }
                try {
                    updates.apply(tenant, evidence);
                } catch (RuntimeException failure) {
                    if (!alone) {
                        throw failure;
                    }
                    failures.increment();
                    log.error("Batch {} could not be correlated; it is left processed", e.getValue().get(0).batchId(),
                            failure);
                }
                queue.markProcessed(e.getValue());
                return null;
            });
        }
        batches.increment(claimed.size());
        return claimed.size();
    }

    private void loop() {
        long idle = Math.max(10, properties.pollInterval().toMillis());
        while (running.get()) {
            try {
                int n = processOnce(properties.batchesPerTransaction());
                if (n == 0) {
                    TimeUnit.MILLISECONDS.sleep(idle);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("The correlation worker failed: {}; retrying", e.toString());
                try {
                    TimeUnit.MILLISECONDS.sleep(Math.max(idle, 5_000));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < properties.workers(); i++) {
            Thread t = new Thread(this::loop, "correlation-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000; // after the database and the web server, stopped before them
    }
}
