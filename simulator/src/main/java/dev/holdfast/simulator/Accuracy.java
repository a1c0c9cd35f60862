package dev.holdfast.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import dev.holdfast.collector.Collector;
import dev.holdfast.collector.CollectorConfig;
import dev.holdfast.collector.HttpUrlConnectionTransport;
import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;
import org.jspecify.annotations.Nullable;

/**
 * Accuracy mode: generates a scenario with a known ground truth over a window that ends now ({@link ScenarioGenerator},
 * {@link TrueVisits}), registers its sites as locations and its tags as assets, enrols the collectors and uploads what
 * they recorded ({@link ObservationSynth}) as 15-minute batches through the collector core (observation times in the
 * past, {@code sentAt} the real time of the upload). Then it waits for the server to correlate the batches
 * ({@code holdfast_tracking_backlog} at 0, or its answers unchanged for 10 s where that gauge is missing), asks it
 * where each asset is, which visits and handlings it had, and prints how that compares with the truth
 * ({@link AccuracyReport}).
 */
final class Accuracy {

    record Options(URI server, String code, String token, int devices, int tags, Geo centre, double gpsSigma,
            double rssiSigma, Duration window, Duration settle, long seed, Path dataDir, int timeoutMillis) {
    }

    static final String BACKLOG_GAUGE = "holdfast_tracking_backlog";
    static final int BATCH_SECONDS = 15 * 60;
    /** Pieces of a 15-minute stretch stay well below the server's 20,000 observations per batch. */
    static final int MAX_PER_BATCH = 15_000;
    static final Duration STABLE_FOR = Duration.ofSeconds(10);
    /** The server counts its backlog at most every 2 s: two zeros in a row are two counts. */
    static final Duration BACKLOG_POLL = Duration.ofMillis(2500);
    static final Duration UPLOAD_DEADLINE = Duration.ofMinutes(5);

    private final Options o;
    private final PrintStream out;
    private final ServerApi api;

    Accuracy(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
        this.api = new ServerApi(options.server(), options.timeoutMillis());
    }

    /**
     * 0 when every batch got up (whatever the server then made of them; answers it retried, such as a 503, do not
     * count), 1 when some were refused or are still pending.
     */
    int run() throws Exception {
        long end = System.currentTimeMillis() / 1000 * 1000;
        int seconds = (int) o.window().toSeconds();
        long start = end - seconds * 1000L;
        long t0 = System.nanoTime();
        FieldScenario scenario = ScenarioGenerator.generate(
                new ScenarioGenerator.Settings(o.centre(), o.tags(), o.devices(), seconds, o.seed()), start);
        List<TrueVisit> truth = TrueVisits.of(scenario);
        List<double[]> initial = new ArrayList<>();
        for (int t = 0; t < scenario.tags().size(); t++) {
            initial.add(scenario.tagPosition(t, 0));
        }
        // ids differ from run to run (a rerun against the same server must not reuse tags); positions follow the seed
        Random runRandom = new Random();
        List<VirtualTag> tags = VirtualTag.generate(o.tags(), runRandom, initial);
        String run = Long.toHexString(runRandom.nextLong() & 0xffffffL);
        out.printf(Locale.ROOT, "== scenario (%.1f s): %d locations, %d tags, %d collectors over %s ending now;"
                + " truth: %d handlings, %d visits (%d observable)%n", (System.nanoTime() - t0) / 1e9,
                scenario.sites().size(), tags.size(), o.devices(), Demo.hms(seconds * 1000L),
                scenario.handlings().size(), truth.size(), truth.stream().filter(TrueVisit::observable).count());

        Registered registered = register(scenario, tags, run);
        out.printf("== registered %d locations and %d assets (run %s)%n", registered.locationIds().size(),
                registered.assetIds().size(), run);

        Upload upload = upload(scenario, tags, run);
        out.printf(Locale.ROOT, "== uploaded %,d batches: %,d observations (%,d GPS, %,d BLE, %,d motion); %d pending;"
                + " errors: %s%n", upload.batches, upload.gps + upload.ble + upload.motion, upload.gps, upload.ble,
                upload.motion, upload.pending, upload.errors);

        Instant queryFrom = Instant.ofEpochMilli(start).minus(Duration.ofHours(1));
        List<AccuracyReport.AssetAnswers> answers = settle(registered.assetIds(), queryFrom);
        Map<String, Integer> siteOfLocation = new HashMap<>();
        for (int i = 0; i < registered.locationIds().size(); i++) {
            siteOfLocation.put(registered.locationIds().get(i), i);
        }
        siteOfLocation.putAll(AccuracyReport.sitesByGeofence(scenario, locations()));
        AccuracyReport.Figures figures = AccuracyReport.evaluate(scenario, truth, upload.heard, answers, siteOfLocation);
        AccuracyReport.print(out, new AccuracyReport.Settings(o.gpsSigma(), o.rssiSigma(), o.devices(), o.tags(),
                o.window(), o.seed(), Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)), figures);
        return upload.pending == 0 && upload.refused == 0 ? 0 : 1;
    }

    /** The server's ids of the sites (in order) and of the tags' assets (in order). */
    private record Registered(List<String> locationIds, List<String> assetIds) {
    }

    /** Each site as a location with its geofence; each tag as an asset, in the location it starts in. */
    private Registered register(FieldScenario scenario, List<VirtualTag> tags, String run) throws IOException {
        List<String> locationIds = new ArrayList<>();
        Geo geo = scenario.geo();
        for (Site s : scenario.sites()) {
            locationIds.add(api.createLocation(o.token(), s.name() + " (accuracy " + run + ")",
                    round7(geo.lat(s.north())), round7(geo.lon(s.east())), s.radiusM()));
        }
        List<String> assetIds = new ArrayList<>();
        for (int t = 0; t < tags.size(); t++) {
            double[] p = scenario.tagPosition(t, 0);
            int site = scenario.siteAt(p[0], p[1]);
            String kind = tags.get(t).id().toString().split(":")[0];
            assetIds.add(api.createAsset(o.token(), String.format(Locale.ROOT, "Accuracy tag %03d (%s)", t + 1, kind),
                    "Accuracy test tags", site < 0 ? null : locationIds.get(site), tags.get(t).id().toString(),
                    "Simulated by holdfast-sim --mode accuracy (seed " + o.seed() + ", run " + run + ")"));
        }
        return new Registered(locationIds, assetIds);
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** What the upload did. */
    private record Upload(long batches, long gps, long ble, long motion, int pending, long refused, String errors,
            BitSet heard) {
    }

    private Upload upload(FieldScenario scenario, List<VirtualTag> tags, String run) throws IOException,
            InterruptedException {
        CountingTransport transport = new CountingTransport(new HttpUrlConnectionTransport(o.timeoutMillis()));
        List<Collector> collectors = new ArrayList<>();
        for (int i = 0; i < o.devices(); i++) {
            ServerApi.Enrolment e = api.enroll(o.code(), "acc-" + run + "-" + (i + 1), "Holdfast simulator (accuracy)",
                    "sim-0.1");
            Path dir = Files.createDirectories(o.dataDir().resolve("device-" + (i + 1)));
            CollectorConfig config = new CollectorConfig(dir, o.server(), e.token(), Duration.ofSeconds(BATCH_SECONDS),
                    256L * 1024 * 1024, Duration.ofSeconds(2), Duration.ofSeconds(30));
            collectors.add(new Collector(config, transport, System.currentTimeMillis()));
        }
        out.printf("== enrolled %d collectors; uploading their %s as batches of 15 min (journals in %s)%n",
                collectors.size(), Demo.hms(scenario.seconds() * 1000L), o.dataDir());
        ObservationSynth synth = new ObservationSynth(scenario, tags, PathLoss.withSigma(o.rssiSigma()), o.gpsSigma(),
                o.seed());
        BitSet heard = new BitSet();
        long batches = 0;
        long gps = 0;
        long ble = 0;
        long motion = 0;
        long lastSeal = 0;
        for (int from = 0; from < scenario.seconds(); from += BATCH_SECONDS) {
            int to = Math.min(scenario.seconds(), from + BATCH_SECONDS);
            for (int c = 0; c < collectors.size(); c++) {
                Collector collector = collectors.get(c);
                ObservationChunk chunk = synth.chunk(c, from, to);
                heard.or(chunk.heard());
                for (ObservationChunk piece : chunk.split(MAX_PER_BATCH)) {
                    for (GpsFix f : piece.gps()) {
                        collector.record(f);
                    }
                    for (BleSighting s : piece.ble()) {
                        collector.record(s);
                    }
                    for (MotionWindow w : piece.motion()) {
                        collector.record(w);
                    }
                    gps += piece.gps().size();
                    ble += piece.ble().size();
                    motion += piece.motion().size();
                    lastSeal = Math.max(System.currentTimeMillis(), lastSeal + 1); // keeps the outbox in order
                    collector.seal(lastSeal);
                    batches++;
                }
                collector.tick(System.currentTimeMillis());
            }
            out.printf(Locale.ROOT, "   %s of %s: %,d batches, %,d observations, %,d accepted, errors: %s%n",
                    Demo.hms(to * 1000L), Demo.hms(scenario.seconds() * 1000L), batches, gps + ble + motion,
                    transport.accepted.sum(), transport.errors());
        }
        long deadline = System.nanoTime() + UPLOAD_DEADLINE.toNanos();
        int pending = pending(collectors);
        while (pending > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            for (Collector collector : collectors) {
                if (System.currentTimeMillis() >= collector.nextAttemptAt()) {
                    collector.tick(System.currentTimeMillis());
                }
            }
            pending = pending(collectors);
        }
        for (Collector collector : collectors) {
            collector.close();
        }
        long refused = 0;
        for (String status : List.of("400", "413", "422")) { // what the collector sets aside instead of retrying
            refused += transport.outcomes.containsKey(status) ? transport.outcomes.get(status).sum() : 0;
        }
        return new Upload(batches, gps, ble, motion, pending, refused, transport.errors(), heard);
    }

    private static int pending(List<Collector> collectors) throws IOException {
        int pending = 0;
        for (Collector c : collectors) {
            pending += c.status().pendingBatches();
        }
        return pending;
    }

    /**
     * Waits until the server has correlated everything — its backlog gauge at 0 in two counts in a row, or where there is
     * no such gauge, its answers unchanged for {@link #STABLE_FOR} — or {@code --settle} is over; then its answers.
     */
    private List<AccuracyReport.AssetAnswers> settle(List<String> assetIds, Instant from) throws IOException,
            InterruptedException {
        long started = System.nanoTime();
        long deadline = started + o.settle().toNanos();
        OptionalDouble backlog = backlog();
        if (backlog.isPresent()) {
            int zeros = 0;
            while (zeros < 2 && System.nanoTime() < deadline) {
                zeros = backlog.isPresent() && backlog.getAsDouble() == 0 ? zeros + 1 : 0;
                if (zeros < 2) {
                    Thread.sleep(BACKLOG_POLL.toMillis());
                    backlog = backlog();
                }
            }
            out.printf(Locale.ROOT, "== %s after %.0f s (%s %s)%n", zeros >= 2 ? "settled" : "NOT settled",
                    (System.nanoTime() - started) / 1e9, BACKLOG_GAUGE,
                    backlog.isPresent() ? String.format(Locale.ROOT, "%.0f", backlog.getAsDouble()) : "gone");
            return query(assetIds, from).answers;
        }
        Queried last = query(assetIds, from);
        long stableSince = System.nanoTime();
        boolean stable = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            Queried now = query(assetIds, from);
            if (!now.answers.equals(last.answers) || !now.statuses.equals(last.statuses)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= STABLE_FOR.toNanos()) {
                stable = true;
                break;
            }
        }
        out.printf(Locale.ROOT, "== no %s gauge: answers %s after %.0f s; answer statuses %s%n", BACKLOG_GAUGE,
                stable ? "unchanged for " + STABLE_FOR.toSeconds() + " s" : "still changing",
                (System.nanoTime() - started) / 1e9, last.statuses);
        return last.answers;
    }

    /** The company's locations, to recognise the sites' geofences among them. */
    private List<TrackingAnswers.Location> locations() throws IOException {
        List<TrackingAnswers.Location> locations = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        pages("/api/v1/locations?", "locations", TrackingAnswers::locations, locations, statuses);
        return locations;
    }

    private OptionalDouble backlog() {
        try {
            ServerApi.Reply r = api.getText("/actuator/prometheus");
            return r.status() == 200 ? PrometheusGauge.read(r.body(), BACKLOG_GAUGE) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    /** The answers of one round of questions, and how many answers of each kind and status there were. */
    private record Queried(List<AccuracyReport.AssetAnswers> answers, Map<String, Integer> statuses) {
    }

    private Queried query(List<String> assetIds, Instant from) throws IOException {
        Map<String, Integer> statuses = new TreeMap<>();
        String range = "from=" + encode(from.toString()) + "&to="
                + encode(Instant.ofEpochSecond(Instant.now().getEpochSecond() + 1).toString());
        List<AccuracyReport.AssetAnswers> answers = new ArrayList<>();
        for (String id : assetIds) {
            String base = "/api/v1/assets/" + id;
            TrackingAnswers.Position position = null;
            ServerApi.Reply r = api.get(base + "/location", o.token());
            statuses.merge("location " + r.status(), 1, Integer::sum);
            if (r.status() == 200) {
                try {
                    position = TrackingAnswers.position(r.body());
                } catch (RuntimeException e) {
                    statuses.merge("location unreadable", 1, Integer::sum);
                }
            }
            List<TrackingAnswers.Visit> visits = new ArrayList<>();
            List<TrackingAnswers.Handling> handlings = new ArrayList<>();
            pages(base + "/visits?" + range, "visits", TrackingAnswers::visits, visits, statuses);
            pages(base + "/handling?" + range, "handling", TrackingAnswers::handlings, handlings, statuses);
            answers.add(new AccuracyReport.AssetAnswers(position, visits, handlings));
        }
        return new Queried(answers, statuses);
    }

    /** Follows {@code next} for up to 20 pages; a 404 or unreadable answer counts as no items. */
    private <T> void pages(String path, String what, Function<String, TrackingAnswers.Page<T>> parse, List<T> into,
            Map<String, Integer> statuses) throws IOException {
        @Nullable String after = null;
        for (int page = 0; page < 20; page++) {
            String query = (path.endsWith("?") ? "" : "&") + "size=1000" + (after == null ? "" : "&after=" + encode(after));
            ServerApi.Reply r = api.get(path + query, o.token());
            if (page == 0) {
                statuses.merge(what + " " + r.status(), 1, Integer::sum);
            }
            if (r.status() != 200) {
                return;
            }
            TrackingAnswers.Page<T> p;
            try {
                p = parse.apply(r.body());
            } catch (RuntimeException e) {
                statuses.merge(what + " unreadable", 1, Integer::sum);
                return;
            }
            into.addAll(p.items());
            after = p.next();
            if (after == null || after.isEmpty()) {
                return;
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
