package dev.holdfast.simulator;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code java -jar holdfast-sim.jar --help}. */
@Command(name = "holdfast-sim", mixinStandardHelpOptions = true, version = "holdfast-sim 0.1.0", sortOptions = false,
        usageHelpWidth = 110,
        description = {
            "Holdfast fleet simulator.",
            "",
            "demo: places M tagged assets (registering their BLE tags — iBeacon, AltBeacon, Eddystone-UID — through the"
                + " asset API when --token is given), enrols N virtual collectors with --code and walks or drives them"
                + " between sites around --centre with GPS noise and missing fixes, recording BLE sightings (RSSI from"
                + " distance, nothing beyond 30 m) and motion windows, and uploading real batches through the collector"
                + " core (gzip, retries). Prints progress every 5 s.",
            "",
            "load: pre-builds K reference batches (15 min of one collector: 90 GPS fixes, 900 BLE sightings, 90 motion"
                + " windows), enrols N devices and uploads from C keep-alive connections for --duration, each upload with"
                + " a fresh batch id; prints batches/s, observations/s, latency p50/p95/p99/max, errors by status and"
                + " bytes sent. --ceiling adds how fast this process alone inflates and decodes the same batches.",
            "",
            "accuracy: builds a scenario with a known ground truth over --window ending now: --tags BLE tags, most inside"
                + " a few locations (geofences of 25-40 m a few hundred metres apart around --centre), and --devices"
                + " collectors walking between them, standing by tags and carrying tags elsewhere (handlings). Registers"
                + " the locations and assets (--token), enrols the collectors (--code), uploads what they recorded"
                + " (--gps-sigma, --rssi-sigma) as 15-minute batches, waits for the server to correlate them"
                + " (holdfast_tracking_backlog at 0, at most --settle), then compares its positions, visits and"
                + " handlings with the truth and prints position error p50/p90 and visit and handling precision and"
                + " recall.",
            ""},
        footer = {"",
            "Examples:",
            "  java -jar holdfast-sim.jar --server http://localhost:8080 --code ABCD-EFGH --token hf_... \\",
            "       --devices 5 --assets 40 --speed 60 --duration 10m",
            "  java -jar holdfast-sim.jar --mode load --server http://localhost:8080 --code ABCD-EFGH \\",
            "       --concurrency 64 --duration 60s --ceiling",
            "  java -jar holdfast-sim.jar --mode load --ceiling        (no server: the ceiling only)",
            "  java -jar holdfast-sim.jar --mode accuracy --server http://localhost:8080 --code ABCD-EFGH --token hf_... \\",
            "       --tags 30 --devices 5 --window 3h --gps-sigma 4.5 --rssi-sigma 4 --seed 1",
            "",
            "Exit status: 0 when every batch was accepted (accuracy: whatever the server made of them), 1 on upload errors"
                + " (accuracy: batches refused) or batches left pending, 2 on bad options."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class Main implements Callable<Integer> {

    enum Mode { demo, load, accuracy }

    @Spec
    @Nullable CommandSpec spec;

    @Option(names = "--mode", paramLabel = "demo|load|accuracy", description = "What to do (default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.demo;

    @Option(names = "--server", paramLabel = "URL", description = "Holdfast base URL, e.g. http://localhost:8080."
            + " Required, except for a load run that only measures --ceiling.")
    @Nullable URI server;

    @Option(names = "--code", paramLabel = "CODE", description = "Enrolment code (POST /api/v1/enrollment-codes as an"
            + " admin, or the Devices page); it must allow --devices uses.")
    @Nullable String code;

    @Option(names = "--token", paramLabel = "TOKEN", description = "demo: API token of a Manager (or above) to register"
            + " the assets and their tags; without it the tags are only sighted, not registered. accuracy: required, also"
            + " to register the locations and to ask where the assets are. load: registers the reference batches' tags"
            + " (with made-up ones, 50 in all) and a Location per yard first, so the server's correlation has work.")
    @Nullable String token;

    @Option(names = "--devices", paramLabel = "N", description = "Virtual collectors to enrol (default: 5 in demo and"
            + " accuracy, 20 in load; load connections use them in turn).")
    @Nullable Integer devices;

    @Option(names = "--assets", paramLabel = "M", description = "demo: tagged assets to place (default: ${DEFAULT-VALUE}).")
    int assets = 30;

    @Option(names = {"--centre", "--center"}, paramLabel = "LAT,LON",
            description = "demo, accuracy: centre of the area (default: ${DEFAULT-VALUE}, Munich).")
    String centre = "48.1374,11.5755";

    @Option(names = "--radius", paramLabel = "METRES", description = "demo: radius of the area (default: ${DEFAULT-VALUE}).")
    double radius = 2000;

    @Option(names = "--speed", paramLabel = "FACTOR", description = "demo: simulated time runs this many times faster"
            + " than real time (default: ${DEFAULT-VALUE}). Above 1 the devices' clocks run fast too, and the server's"
            + " skew correction puts each batch at its receipt time.")
    double speed = 1;

    @Option(names = "--duration", paramLabel = "TIME", description = "Real time to run, e.g. 90s, 10m, 2h or PT10M"
            + " (default: 10m in demo, 60s in load).")
    @Nullable String duration;

    @Option(names = "--upload-interval", paramLabel = "TIME", description = "demo: simulated time per batch (default:"
            + " what the server hands out at enrolment, 15 min unless configured).")
    @Nullable String uploadInterval;

    @Option(names = "--missing-fixes", paramLabel = "RATE", description = "demo: share of GPS fixes that go missing;"
            + " a tenth of that rate starts a 1–2 minute outage (default: ${DEFAULT-VALUE}).")
    double missingFixes = 0.05;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "demo, accuracy: where the collectors keep their journals and"
            + " sealed batches (default: a new temporary directory).")
    @Nullable Path dataDir;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed: the same seed places the same sites"
            + " and assets (accuracy: the same walks, handlings and noise; tag ids still differ per run) (default:"
            + " random).")
    @Nullable Long seed;

    @Option(names = "--concurrency", paramLabel = "C", description = "load: concurrent connections (default: ${DEFAULT-VALUE}).")
    int concurrency = 32;

    @Option(names = "--rate", paramLabel = "BATCHES_PER_S", description = "load: upload at most this many batches per"
            + " second over all connections (default: as fast as possible).")
    double rate = 0;

    @Option(names = "--batches", paramLabel = "K", description = "load: distinct reference batches to pre-build"
            + " (default: ${DEFAULT-VALUE}).")
    int batches = 16;

    @Option(names = "--warmup", paramLabel = "TIME", description = "load: uploads before the measured run, not"
            + " counted (default: ${DEFAULT-VALUE}; 0 for none).")
    String warmup = "5s";

    @Option(names = "--ceiling", description = "load: also measure how fast this process inflates and decodes the"
            + " same batches with BatchCodec (one thread and all cores), and print accepted/ceiling.")
    boolean ceiling;

    @Option(names = "--tags", paramLabel = "N", description = "accuracy: BLE tags (one asset each) to place; every"
            + " fifth outside the locations (default: ${DEFAULT-VALUE}).")
    int tags = 30;

    @Option(names = "--gps-sigma", paramLabel = "METRES", description = "accuracy: GPS error, Gaussian per axis; fixes"
            + " report an accuracy near it (default: ${DEFAULT-VALUE}).")
    double gpsSigma = 4.5;

    @Option(names = "--rssi-sigma", paramLabel = "DB", description = "accuracy: RSSI shadowing, Gaussian, around the"
            + " log-distance path loss (exponent 2.5 from the power at 1 m the tag announces; heard above -95 dBm)"
            + " (default: ${DEFAULT-VALUE}).")
    double rssiSigma = 4;

    @Option(names = "--window", paramLabel = "TIME", description = "accuracy: simulated time, ending now (so all of it"
            + " lies in the past and within the retention), 10m to 24h, e.g. 3h or PT3H (default: ${DEFAULT-VALUE}).")
    String window = "3h";

    @Option(names = "--settle", paramLabel = "TIME", description = "accuracy: how long to wait at most for the server to"
            + " correlate the uploads before asking it (default: ${DEFAULT-VALUE}).")
    String settle = "5m";

    @Option(names = "--timeout", paramLabel = "TIME", description = "Connect and read timeout of each request"
            + " (default: ${DEFAULT-VALUE}).")
    String timeout = "30s";

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long seedValue = seed != null ? seed : System.nanoTime();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, time(timeout, "--timeout").toMillis());
        if (mode == Mode.load) {
            int c = positive(concurrency, "--concurrency");
            // HttpURLConnection keeps at most http.maxConnections idle connections per server: one per worker
            System.setProperty("http.maxConnections", String.valueOf(Math.max(c, 5)));
            if (server == null && !ceiling) {
                throw usage("load mode needs --server (or only --ceiling)");
            }
            if (server != null && code == null) {
                throw usage("load mode against a server needs --code");
            }
            Load.Options options = new Load.Options(server, code, positive(devices == null ? 20 : devices, "--devices"),
                    c, time(duration == null ? "60s" : duration, "--duration"), time(warmup, "--warmup"),
                    positive(batches, "--batches"), ceiling, timeoutMillis, seedValue, token, rate);
            return new Load(options, System.out).run();
        }
        if (mode == Mode.accuracy) {
            if (server == null || code == null || token == null) {
                throw usage("accuracy mode needs --server, --code and --token (a Manager's API token)");
            }
            Duration w = time(window, "--window");
            if (w.compareTo(Duration.ofMinutes(10)) < 0 || w.compareTo(Duration.ofHours(24)) > 0) {
                throw usage("--window must be from 10m to 24h");
            }
            if (!(gpsSigma >= 0) || gpsSigma > 1000 || !(rssiSigma >= 0) || rssiSigma > 30) {
                throw usage("--gps-sigma must be 0 to 1000 m and --rssi-sigma 0 to 30 dB");
            }
            Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("holdfast-acc-");
            Accuracy.Options options = new Accuracy.Options(server, code, token,
                    positive(devices == null ? 5 : devices, "--devices"), positive(tags, "--tags"), Geo.parse(centre),
                    gpsSigma, rssiSigma, w, time(settle, "--settle"), seedValue, dir, timeoutMillis);
            System.out.printf("holdfast-sim accuracy (seed %d)%n", seedValue);
            return new Accuracy(options, System.out).run();
        }
        if (server == null || code == null) {
            throw usage("demo mode needs --server and --code");
        }
        if (!(speed > 0) || speed > 10_000) {
            throw usage("--speed must be above 0 and at most 10000");
        }
        Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("holdfast-sim-");
        Demo.Options options = new Demo.Options(server, code, token, positive(devices == null ? 5 : devices, "--devices"),
                Math.max(0, assets), Geo.parse(centre), positive(radius, "--radius"), speed,
                time(duration == null ? "10m" : duration, "--duration"),
                uploadInterval == null ? null : time(uploadInterval, "--upload-interval"), missingFixes, seedValue,
                dir, timeoutMillis);
        Demo demo = new Demo(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::requestStop));
        System.out.printf("holdfast-sim demo (seed %d)%n", seedValue);
        return demo.run();
    }

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** {@code 90s}, {@code 10m}, {@code 2h}, {@code 500ms} or ISO-8601 {@code PT10M}. */
    static Duration duration(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " must be a time like 90s, 10m, 2h, 500ms or PT10M, not '" + text
                    + "'");
        }
    }

    private Duration time(String text, String option) {
        try {
            return duration(text, option);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private int positive(int n, String option) {
        if (n < 1) {
            throw usage(option + " must be at least 1");
        }
        return n;
    }

    private double positive(double n, String option) {
        if (!(n > 0)) {
            throw usage(option + " must be above 0");
        }
        return n;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec != null ? spec.commandLine() : new CommandLine(new Main()), message);
    }
}
