package dev.holdfast.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import dev.holdfast.collector.Collector;
import dev.holdfast.collector.CollectorConfig;
import dev.holdfast.collector.HttpUrlConnectionTransport;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;
import org.jspecify.annotations.Nullable;

/**
 * Demo mode: places tagged assets at a few sites around the centre (registering their tags through the asset API when
 * a Manager's token is given), enrols virtual collectors and lets each walk or drive from site to site in its own
 * thread, recording GPS fixes and motion windows every 10 s and BLE sightings of the tags in range every second into
 * a real {@link Collector}, which seals and uploads batches (gzip, retries) as on a phone.
 *
 * <p>The simulated clock runs {@code speed} times faster than the wall clock. The devices' clocks are the simulated
 * clock, so with a speed above 1 they run fast; the server corrects every batch by the skew between its
 * {@code sentAt} and the receipt, so the stored history is compressed into the run's real time.
 */
public final class Demo {

    public record Options(URI server, String code, @Nullable String token, int devices, int assets, Geo centre,
            double radiusMetres, double speed, Duration duration, @Nullable Duration uploadInterval,
            double missingFixes, long seed, Path dataDir, int timeoutMillis) {
    }

    private static final String[][] KINDS = {{"Pallet jack", "Tools"}, {"Forklift", "Vehicles"},
        {"Container", "Containers"}, {"Generator", "Equipment"}, {"Scaffold tower", "Equipment"},
        {"Tool case", "Tools"}, {"Trailer", "Vehicles"}, {"Compressor", "Equipment"}, {"Laptop cart", "Carts"},
        {"Rolling cabinet", "Furniture"}, {"Light tower", "Equipment"}, {"Welding set", "Tools"}};

    private final Options o;
    private final PrintStream out;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    private final LongAdder observations = new LongAdder();
    private final LongAdder fixes = new LongAdder();
    private final LongAdder sightings = new LongAdder();
    private final LongAdder windows = new LongAdder();

    public Demo(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    /** Stops the walk; the collectors seal what they hold and upload it. Waits up to 40 s for that. */
    public void requestStop() {
        stop.set(true);
        try {
            finished.await(40, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs until the duration is over or {@link #requestStop()}; 0 when every batch got up, else 1. */
    public int run() throws Exception {
        try {
            return walk();
        } finally {
            finished.countDown();
        }
    }

    private int walk() throws Exception {
        Random random = new Random(o.seed());
        ServerApi api = new ServerApi(o.server(), o.timeoutMillis());

        int siteCount = Math.max(3, Math.min(20, o.assets() / 5 + 1));
        List<double[]> sites = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            sites.add(Walker.randomPoint(random, o.radiusMetres() * 0.9));
        }
        List<double[]> positions = new ArrayList<>();
        List<Integer> siteOf = new ArrayList<>();
        for (int i = 0; i < o.assets(); i++) {
            int site = random.nextInt(siteCount);
            double[] s = sites.get(site);
            if (random.nextDouble() < 0.85) {
                positions.add(new double[] {s[0] + random.nextGaussian() * 8, s[1] + random.nextGaussian() * 8});
                siteOf.add(site);
            } else {
                positions.add(Walker.randomPoint(random, o.radiusMetres()));
                siteOf.add(-1);
            }
        }
        List<VirtualTag> tags = VirtualTag.generate(o.assets(), random, positions);
        out.printf(Locale.ROOT, "== %d assets at %d sites within %.0f m of %.5f,%.5f%n", tags.size(), siteCount,
                o.radiusMetres(), o.centre().lat0(), o.centre().lon0());
        if (o.token() == null) {
            out.println("   (no --token: the tags are not registered as assets; their sightings are stored all the same)");
        } else {
            for (int i = 0; i < tags.size(); i++) {
                String[] kind = KINDS[i % KINDS.length];
                String location = siteOf.get(i) < 0 ? "Field" : "Site " + (char) ('A' + siteOf.get(i));
                api.createAsset(o.token(), String.format(Locale.ROOT, "%s %03d", kind[0], i + 1), kind[1], location,
                        tags.get(i).id().toString(), "Simulated by holdfast-sim (seed " + o.seed() + ")");
                if ((i + 1) % 25 == 0 || i + 1 == tags.size()) {
                    out.printf("   registered %d/%d assets%n", i + 1, tags.size());
                }
            }
        }

        out.printf("== enrolling %d collectors%n", o.devices());
        List<Device> devices = new ArrayList<>();
        CountingTransport transport = new CountingTransport(new HttpUrlConnectionTransport(o.timeoutMillis()));
        Clock clock = new Clock(System.currentTimeMillis(), System.nanoTime(), o.speed());
        String run = Long.toHexString(random.nextLong() & 0xffffffffL);
        for (int i = 0; i < o.devices(); i++) {
            ServerApi.Enrolment e = api.enroll(o.code(), "sim-" + run + "-" + (i + 1), "Holdfast simulator", "sim-0.1");
            Duration interval = o.uploadInterval() != null ? o.uploadInterval()
                    : Duration.ofSeconds(e.uploadIntervalSeconds());
            Path dir = Files.createDirectories(o.dataDir().resolve("device-" + (i + 1)));
            CollectorConfig config = new CollectorConfig(dir, o.server(), e.token(), interval, 64L * 1024 * 1024,
                    Duration.ofSeconds(30), Duration.ofHours(1));
            Random own = new Random(random.nextLong());
            devices.add(new Device(i + 1, e, new Collector(config, transport, clock.now()), interval,
                    new Walker(own, sites, o.radiusMetres()), new Gps(own, o.centre(), o.missingFixes()), own, tags));
        }
        out.printf(Locale.ROOT, "== walking for %s (h:mm:ss) at %.0fx, a batch every %s of simulated time; files in %s%n",
                hms(o.duration().toMillis()), o.speed(), devices.isEmpty() ? "-" : hms(devices.get(0).interval.toMillis()),
                o.dataDir());

        List<Thread> threads = new ArrayList<>();
        long wallEnd = System.nanoTime() + o.duration().toNanos();
        for (Device d : devices) {
            Thread t = new Thread(() -> d.live(clock, wallEnd), "collector-" + d.number);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long started = System.nanoTime();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            for (Thread t : threads) {
                t.join(5000);
                if (t.isAlive()) {
                    break;
                }
            }
            int pending = 0;
            for (Device d : devices) {
                pending += d.pending;
            }
            out.printf(Locale.ROOT, "   %4.0f s real, %s simulated | recorded %,d observations (%,d GPS, %,d BLE, %,d motion)"
                    + " | uploaded %,d batches, %,d KiB | pending %d | errors: %s%n",
                    (System.nanoTime() - started) / 1e9, hms(clock.now() - clock.simStart), observations.sum(), fixes.sum(), sightings.sum(),
                    windows.sum(), transport.accepted.sum(), transport.bytesSent.get() / 1024, pending, transport.errors());
        }
        int stuck = 0;
        for (Device d : devices) {
            stuck += d.pending;
            d.collector.close();
        }
        out.printf("== done: %,d batches accepted, %d still pending, errors: %s%n", transport.accepted.sum(), stuck,
                transport.errors());
        return stuck == 0 ? 0 : 1;
    }

    static String hms(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Simulated time: {@code speed} times the wall clock since the start. */
    record Clock(long simStart, long nanoStart, double speed) {
        long now() {
            return simStart + (long) ((System.nanoTime() - nanoStart) / 1e6 * speed);
        }
    }

    private final class Device {
        final int number;
        final ServerApi.Enrolment enrolment;
        final Collector collector;
        final Duration interval;
        final Walker walker;
        final Gps gps;
        final Random random;
        final List<VirtualTag> tags;
        volatile int pending;
        @Nullable Instant lastUpload;
        long lastUploadSeen;

        Device(int number, ServerApi.Enrolment enrolment, Collector collector, Duration interval, Walker walker, Gps gps,
                Random random, List<VirtualTag> tags) {
            this.number = number;
            this.enrolment = enrolment;
            this.collector = collector;
            this.interval = interval;
            this.walker = walker;
            this.gps = gps;
            this.random = random;
            this.tags = tags;
        }

        void live(Clock clock, long wallEnd) {
            ServerApi api = new ServerApi(o.server(), o.timeoutMillis());
            long t = clock.now();
            long nextTelemetry = t;
            double speedSum = 0;
            int second = 0;
            int battery = 60 + random.nextInt(40);
            long sleepMillis = Math.max(20, Math.min(1000, (long) (1000 / o.speed())));
            try {
                while (!stop.get() && System.nanoTime() < wallEnd) {
                    long now = clock.now();
                    while (t + 1000 <= now) {
                        t += 1000;
                        second++;
                        walker.step(1);
                        speedSum += walker.speed();
                        scan(t);
                        if (second % 10 == 0) {
                            GpsFix fix = gps.fix(t, walker.east(), walker.north(), walker.speed(), walker.bearing());
                            if (fix != null) {
                                collector.record(fix);
                                fixes.increment();
                                observations.increment();
                            }
                            collector.record(new MotionWindow(t - 10_000, 10_000, Motion.rms(speedSum / 10, random)));
                            windows.increment();
                            observations.increment();
                            speedSum = 0;
                        }
                    }
                    Collector.Status status = collector.tick(now);
                    pending = status.pendingBatches();
                    if (now >= nextTelemetry) {
                        nextTelemetry = now + interval.toMillis();
                        battery = Math.max(5, battery - 1);
                        telemetry(api, status, battery);
                    }
                    Thread.sleep(sleepMillis);
                }
                // seal what is open and try to get everything up before leaving
                long now = clock.now();
                collector.seal(now);
                long deadline = System.nanoTime() + 30_000_000_000L;
                Collector.Status status = collector.tick(now);
                while (status.pendingBatches() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    now = Math.max(clock.now(), collector.nextAttemptAt());
                    status = collector.tick(now);
                }
                pending = status.pendingBatches();
            } catch (IOException e) {
                out.printf("   collector %d stopped: %s%n", number, e);
                pending = Math.max(pending, 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void scan(long t) throws IOException {
            double e = walker.east();
            double n = walker.north();
            for (VirtualTag tag : tags) {
                double d = tag.distanceTo(e, n);
                if (d <= Radio.MAX_RANGE_M) {
                    OptionalInt rssi = Radio.rssi(tag.powerAt1m(), d, random);
                    if (rssi.isPresent()) {
                        collector.record(new BleSighting(t + random.nextInt(1000), rssi.getAsInt(), tag.adv(), tag.mac()));
                        sightings.increment();
                        observations.increment();
                    }
                }
            }
        }

        private void telemetry(ServerApi api, Collector.Status status, int battery) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("appVersion", "sim-0.1");
            report.put("osVersion", "holdfast-sim");
            report.put("batteryPct", battery);
            report.put("pendingBatches", status.pendingBatches());
            if (status.lastUploadAt() != lastUploadSeen) { // the collector's clock is simulated: report the real time
                lastUploadSeen = status.lastUploadAt();
                lastUpload = Instant.now();
            }
            if (lastUpload != null) {
                report.put("lastUploadAt", lastUpload.toString());
            }
            report.put("permissions", Map.of("location", true, "bluetooth", true));
            if (status.lastError() != null && !status.lastError().isEmpty()) {
                report.put("lastError", status.lastError());
            }
            try {
                api.telemetry(enrolment.token(), report);
            } catch (IOException ignored) {
                // telemetry is best effort, as on a phone
            }
        }
    }
}
