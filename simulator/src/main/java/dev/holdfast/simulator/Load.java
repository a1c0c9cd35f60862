package dev.holdfast.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BatchFormatException;
import dev.holdfast.protocol.BatchLimits;
import dev.holdfast.protocol.GzipBodies;
import org.jspecify.annotations.Nullable;

/**
 * Load mode: pre-builds K reference batches ({@link ReferenceBatch}, gzip, {@link PatchableBody}), enrols some
 * devices, then uploads from C connections (one thread each, HTTP/1.1 keep-alive) for the duration — every upload
 * with a fresh batch id — after an uncounted warm-up, and prints batches/s, observations/s, latency percentiles,
 * errors by status and bytes sent. With {@code ceiling} it also measures how fast this process alone inflates and
 * decodes the same bodies with {@link BatchCodec} (one thread, then all cores), and the ratio of the two.
 */
final class Load {

    /**
     * @param token a Manager's API token: registers the reference batches' tags (and more, to {@link #TAGS}) on assets
     *              and a Location around each batch's yard first, so the server's correlation has work (null: not)
     * @param rate  batches per second to upload at most, spread over the connections (0: as fast as possible)
     */
    record Options(@Nullable URI server, @Nullable String code, int devices, int concurrency, Duration duration,
            Duration warmup, int batches, boolean ceiling, int timeoutMillis, long seed, @Nullable String token,
            double rate) {
    }

    /** Registered tags when {@code --token} is given: the reference batches' own, then made-up ones. */
    static final int TAGS = 50;

    /** Figures of one measured phase. */
    record Figures(long accepted, long duplicates, long observations, double seconds, long[] latenciesNanos,
            Map<String, Long> errors, long bytesSent, double clientCpuSeconds) {

        double batchesPerSecond() {
            return accepted / seconds;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Inflate-and-decode rates of this process: wall-clock on one thread and on every core, and per CPU-second of
     * one thread (what one core does when nothing else competes for it — on a shared machine the wall-clock rates
     * are lower).
     */
    record Ceiling(double singleThread, double allCores, int cores, double perCpuSecond) {
    }

    private final Options o;
    private final PrintStream out;

    Load(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    int run() throws Exception {
        long t0 = System.nanoTime();
        List<PatchableBody> bodies = referenceBodies(o.batches(), o.seed(), System.currentTimeMillis());
        double meanBytes = bodies.stream().mapToInt(PatchableBody::length).average().orElse(0);
        out.printf(Locale.ROOT, "== %d reference batches (%d observations each: %d GPS, %d BLE, %d motion), gzip %.1f KiB"
                + " average, built in %.1f s%n", bodies.size(), bodies.get(0).observations(), ReferenceBatch.GPS,
                ReferenceBatch.BLE, ReferenceBatch.MOTION, meanBytes / 1024, (System.nanoTime() - t0) / 1e9);

        Ceiling ceiling = null;
        if (o.ceiling()) {
            ceiling = ceiling(bodies, Duration.ofSeconds(3));
            out.printf(Locale.ROOT, "== ceiling (inflate + BatchCodec decode in this process): %,.0f batches/s on one"
                    + " thread, %,.0f batches/s on %d threads (%,.0f observations/s); %,.0f batches per CPU-second%n",
                    ceiling.singleThread(), ceiling.allCores(), ceiling.cores(),
                    ceiling.allCores() * bodies.get(0).observations(), ceiling.perCpuSecond());
        }
        if (o.server() == null) {
            return 0;
        }
        if (o.code() == null) {
            throw new IllegalArgumentException("load mode against a server needs --code (an enrolment code)");
        }
        ServerApi api = new ServerApi(o.server(), o.timeoutMillis());
        if (o.token() != null) {
            out.printf("== registered %d tags on assets and %d yards as Locations%n",
                    ReferenceTags.register(api, o.token(), o.batches(), o.seed(), TAGS), o.batches());
        }
        List<String> tokens = new ArrayList<>();
        String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        for (int i = 0; i < o.devices(); i++) {
            tokens.add(api.enroll(o.code(), "load-" + run + "-" + (i + 1), "Holdfast load generator", "sim-0.1").token());
        }
        out.printf("== enrolled %d devices; %d connections%n", tokens.size(), o.concurrency());
        URL url = o.server().resolve("/api/v1/ingest/batches").toURL();
        if (!o.warmup().isZero()) {
            Figures warm = upload(url, tokens, bodies, o.warmup());
            out.printf(Locale.ROOT, "== warm-up %s: %,.0f batches/s (not counted)%n", human(o.warmup()),
                    warm.batchesPerSecond());
        }
        Figures f = upload(url, tokens, bodies, o.duration());
        report(f, ceiling);
        return f.errorCount() == 0 && f.duplicates() == 0 ? 0 : 1;
    }

    static List<PatchableBody> referenceBodies(int count, long seed, long sentAt) {
        BatchCodec codec = new BatchCodec();
        List<PatchableBody> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Batch batch = ReferenceBatch.build(UUID.randomUUID(), sentAt, seed + i);
            bodies.add(PatchableBody.of(batch, codec));
        }
        return bodies;
    }

    private void report(Figures f, @Nullable Ceiling ceiling) {
        long[] lat = f.latenciesNanos();
        Arrays.sort(lat);
        out.printf(Locale.ROOT, "== load: %d connections, %s measured%n", o.concurrency(), human(o.duration()));
        out.printf(Locale.ROOT, "   accepted            %,d batches (%,d duplicates)%n", f.accepted(), f.duplicates());
        out.printf(Locale.ROOT, "   batches/s           %,.0f%n", f.batchesPerSecond());
        out.printf(Locale.ROOT, "   observations/s      %,.0f%n", f.observations() / f.seconds());
        out.printf(Locale.ROOT, "   latency ms          p50 %.1f  p95 %.1f  p99 %.1f  max %.1f (n=%,d)%n",
                percentile(lat, 50), percentile(lat, 95), percentile(lat, 99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, lat.length);
        out.printf(Locale.ROOT, "   errors              %s%n", f.errors().isEmpty() ? "none" : f.errors());
        out.printf(Locale.ROOT, "   bytes sent          %,d (%.1f MiB/s)%n", f.bytesSent(),
                f.bytesSent() / f.seconds() / 1024 / 1024);
        if (f.clientCpuSeconds() >= 0) {
            out.printf(Locale.ROOT, "   simulator CPU       %.1f s (%.2f cores) — this machine's share the server did not get%n",
                    f.clientCpuSeconds(), f.clientCpuSeconds() / f.seconds());
        }
        if (ceiling != null) {
            out.printf(Locale.ROOT, "   ceiling             %,.0f batches/s (all cores), %,.0f (one thread), %,.0f per"
                    + " CPU-second of one core%n", ceiling.allCores(), ceiling.singleThread(), ceiling.perCpuSecond());
            out.printf(Locale.ROOT, "   accepted/ceiling    %.2f%n", f.batchesPerSecond() / ceiling.allCores());
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private Figures upload(URL url, List<String> tokens, List<PatchableBody> bodies, Duration duration)
            throws InterruptedException {
        int threads = o.concurrency();
        Worker[] workers = new Worker[threads];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers[i] = new Worker(url, tokens.get(i % tokens.size()), bodies, i);
            Worker w = workers[i];
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                w.loop();
            }, "upload-" + i);
            t.setDaemon(true);
            t.start();
            running.add(t);
        }
        double cpuBefore = processCpuSeconds();
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        for (Worker w : workers) {
            w.end = end;
        }
        start.countDown();
        for (Thread t : running) {
            t.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpu = processCpuSeconds() - cpuBefore;
        long accepted = 0;
        long duplicates = 0;
        long observations = 0;
        long bytes = 0;
        int n = 0;
        Map<String, Long> errors = new TreeMap<>();
        for (Worker w : workers) {
            accepted += w.accepted;
            duplicates += w.duplicates;
            observations += w.observations;
            bytes += w.bytes;
            n += w.count;
            w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        long[] latencies = new long[n];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, latencies, at, w.count);
            at += w.count;
        }
        return new Figures(accepted, duplicates, observations, seconds, latencies, errors, bytes, cpu);
    }

    /** One connection's upload loop. */
    private final class Worker {
        final URL url;
        final String authorization;
        final List<PatchableBody> bodies;
        int next;
        volatile long end;
        long accepted;
        long duplicates;
        long observations;
        long bytes;
        long[] latencies = new long[4096];
        int count;
        final Map<String, Long> errors = new TreeMap<>();

        Worker(URL url, String token, List<PatchableBody> bodies, int first) {
            this.url = url;
            this.authorization = "Bearer " + token;
            this.bodies = bodies;
            this.next = first;
        }

        void loop() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long gap = o.rate() > 0 ? (long) (1e9 * o.concurrency() / o.rate()) : 0;
            long due = System.nanoTime() + (gap == 0 ? 0 : random.nextLong(gap));
            while (System.nanoTime() < end) {
                if (gap > 0) { // paced: this connection's share of the rate
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    due += gap;
                }
                PatchableBody body = bodies.get(next++ % bodies.size());
                UUID id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
                long started = System.nanoTime();
                try {
                    HttpURLConnection c = (HttpURLConnection) url.openConnection();
                    c.setRequestMethod("POST");
                    c.setConnectTimeout(o.timeoutMillis());
                    c.setReadTimeout(o.timeoutMillis());
                    c.setDoOutput(true);
                    // no setFixedLengthStreamingMode: the JDK then probes every kept-alive connection before a
                    // streamed POST (a 1 ms read that ends in a SocketTimeoutException: a quarter of this process's
                    // CPU per upload), and writes the body in pieces the server has to gather; a buffered body goes
                    // out with its length after the headers
                    c.setRequestProperty("Authorization", authorization);
                    c.setRequestProperty("Content-Type", "application/json");
                    c.setRequestProperty("Content-Encoding", "gzip");
                    try (OutputStream os = c.getOutputStream()) {
                        body.writeTo(os, id);
                    }
                    int status = c.getResponseCode();
                    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
                    String text = "";
                    if (in != null) {
                        try (in) { // read to the end so that the connection goes back to the keep-alive cache
                            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                        }
                    }
                    long took = System.nanoTime() - started;
                    bytes += body.length();
                    if (status == 202) {
                        record(took);
                        if (text.contains("\"duplicate\"")) {
                            duplicates++;
                        } else {
                            accepted++;
                            observations += body.observations();
                        }
                    } else {
                        record(took);
                        errors.merge("HTTP " + status, 1L, Long::sum);
                    }
                } catch (IOException e) {
                    errors.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }
    }

    /** Inflate + decode of the bodies, for {@code each} on one thread and then on every core. */
    static Ceiling ceiling(List<PatchableBody> bodies, Duration each) throws InterruptedException {
        List<byte[]> raw = new ArrayList<>();
        for (PatchableBody b : bodies) {
            raw.add(b.withBatchId(UUID.randomUUID()));
        }
        BatchCodec codec = new BatchCodec();
        decodeFor(raw, codec, Duration.ofMillis(500)); // warm-up
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        long started = System.nanoTime();
        long decoded = decodeFor(raw, codec, each);
        double single = decoded / ((System.nanoTime() - started) / 1e9);
        double perCpuSecond = cpu < 0 ? single : decoded / ((mx.getCurrentThreadCpuTime() - cpu) / 1e9);
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicLong total = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            Thread t = new Thread(() -> total.addAndGet(decodeFor(raw, codec, each)));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Ceiling(single, total.get() / (each.toNanos() / 1e9), cores, perCpuSecond);
    }

    private static long decodeFor(List<byte[]> raw, BatchCodec codec, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long n = 0;
        long sink = 0;
        GzipBodies inflater = new GzipBodies((int) BatchLimits.DEFAULT.maxBytes()); // as the server does: inflate, then decode in place
        while (System.nanoTime() < end) {
            byte[] body = raw.get((int) (n % raw.size()));
            try {
                int length = inflater.inflate(body, body.length);
                sink += codec.decode(inflater.buffer(), length).observationCount();
            } catch (IOException | BatchFormatException e) {
                throw new IllegalStateException("a reference batch does not decode", e);
            }
            n++;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return n;
    }

    /** CPU time of this process, or -1 when the JVM does not tell. */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1e9;
        }
        return -1;
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s > 0 ? s / 60 + " min" : d.toMillis() % 1000 == 0 ? s + " s" : d.toMillis() + " ms";
    }
}
