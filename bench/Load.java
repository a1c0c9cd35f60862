import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the inventory API of a running, seeded Holdfast (see Seed.java for the data) and prints a table:
 * client-side p50/p95/p99 per scenario, and the server's own p50/p95/p99 from the http_server_requests_seconds
 * histogram of /actuator/prometheus (bucket upper bounds; deltas around each scenario).
 *
 * <pre>java bench/Load.java BASE_URL TOKEN N [REQUESTS] [IMPORT_ROWS]</pre>
 */
public class Load {

    /** Names Seed.java creates (imports reuse them, plus a few new ones). */
    static final List<String> CATEGORIES = List.of("Laptops", "Desktops", "Monitors", "Phones", "Tablets", "Printers",
            "Scanners", "Docking stations", "Headsets", "Keyboards", "Mice", "Webcams", "Projectors", "Displays",
            "Servers", "Switches", "Routers", "Access points", "Firewalls", "Storage", "UPS", "Cameras", "Badge readers",
            "Conference phones", "Vehicles", "Tools", "Furniture", "Lab equipment", "Barcode scanners", "Trackers",
            "Imported gadgets");

    static HttpClient http = HttpClient.newHttpClient();
    static String base;
    static String token;
    static final List<String> table = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = args[1];
        int n = Integer.parseInt(args[2]);
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int importRows = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        String[] statuses = {"Deployed", "Ready to deploy", "Pending", "Broken"};
        String[] categories = {"Laptops", "Monitors", "Phones", "Trackers"};

        // warm up every path once a little
        for (int i = 0; i < 300; i++) {
            get("/api/v1/assets");
            get("/api/v1/assets?status=Deployed");
            get("/api/v1/assets?q=" + serial(1 + i));
        }
        table.add(String.format("%-34s %8s %8s %8s %8s | %8s %8s %8s  %s", "scenario (ms)", "n", "p50", "p95", "p99",
                "srv p50", "srv p95", "srv p99", "target"));
        scenario("first page (size 50)", requests, i -> "/api/v1/assets", "p95 <= 20");
        scenario("filter status", requests, i -> "/api/v1/assets?status=" + enc(statuses[i % statuses.length]), "p95 <= 20");
        scenario("filter category", requests, i -> "/api/v1/assets?category=" + enc(categories[i % categories.length]), "p95 <= 20");
        scenario("filter location", requests, i -> "/api/v1/assets?location=" + enc(String.format("Site %03d", 1 + i % 200)), "p95 <= 20");
        scenario("sort by name", requests, i -> "/api/v1/assets?sort=name", "p95 <= 20");
        scenario("exact serial search", requests, i -> "/api/v1/assets?q=" + serial(1 + (int) ((i * 7_777_777L) % n)), "p95 <= 10");
        scenario("asset tag search", requests, i -> "/api/v1/assets?q=" + String.format("A-%07d", 1 + (int) ((i * 7_777_777L) % n)), "p95 <= 10");
        deepKeyset(3);
        export(n);
        importCsv(10_000, "I10K-");
        importCsv(10_001, "I10K1-");
        importCsv(importRows, "IMP-");
        System.out.println();
        table.forEach(System.out::println);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String serial(int i) {
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "SN" + HexFormat.of().formatHex(md5).substring(0, 10).toUpperCase();
    }

    static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    static void scenario(String name, int count, IntFunction<String> path, String target) throws Exception {
        Map<Double, Double> before = buckets("/api/v1/assets");
        double[] ms = new double[count];
        int empty = 0;
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = get(path.apply(i));
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.body().startsWith("{\"items\":[]")) {
                empty++;
            }
        }
        Map<Double, Double> after = buckets("/api/v1/assets");
        row(name + (empty > 0 ? " (" + empty + " empty)" : ""), ms, after, before, target);
    }

    static void deepKeyset(int rounds) throws Exception {
        List<Double> last = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        Pattern next = Pattern.compile("\"next\":\"([^\"]+)\"");
        Map<Double, Double> before = buckets("/api/v1/assets");
        for (int round = 0; round < rounds; round++) {
            String after = null;
            for (int page = 0; page <= 200; page++) {
                long t = System.nanoTime();
                HttpResponse<String> r = get("/api/v1/assets" + (after == null ? "" : "?after=" + after));
                double ms = (System.nanoTime() - t) / 1e6;
                all.add(ms);
                if (page == 200) {
                    last.add(ms);
                }
                Matcher m = next.matcher(r.body());
                if (!m.find()) {
                    break;
                }
                after = m.group(1);
            }
        }
        Map<Double, Double> afterBuckets = buckets("/api/v1/assets");
        row("keyset pages 1..201 (all)", all.stream().mapToDouble(d -> d).toArray(), afterBuckets, before, "p95 <= 20");
        table.add(String.format("%-34s %8d %s", "  page 201 (after 200 next), ms", last.size(), last));
    }

    static void export(int n) throws Exception {
        AtomicLong maxHeap = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    maxHeap.accumulateAndGet(heapUsed(), Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // keep watching
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        long t = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assets/export.csv"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int k; (k = in.read(buffer)) > 0; ) {
                bytes += k;
                for (int j = 0; j < k; j++) {
                    if (buffer[j] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double s = (System.nanoTime() - t) / 1e9;
        watcher.interrupt();
        table.add(String.format("%-34s %8d %8.1f s  status %d, %,d bytes, ~%,d lines, server heap max %d MB (-Xmx512m)  target 1M <= 20 s",
                "export all rows", 1, s, r.statusCode(), bytes, lines, maxHeap.get() >> 20));
    }

    static long heapUsed() throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long sum = 0;
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)").matcher(text);
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
        }
        return sum;
    }

    static void importCsv(int rows, String prefix) throws Exception {
        StringBuilder csv = new StringBuilder("Name,Asset Tag,Serial,Category,Model,Manufacturer,Location,Purchase Date,"
                + "Purchase Cost,Status,Warranty,Notes\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("Imported ").append(i).append(',').append(prefix).append(String.format("%06d", i)).append(",ISN")
                    .append(prefix).append(i).append(',').append(CATEGORIES.get(i % CATEGORIES.size())).append(",Model ")
                    .append(String.format("%03d", i % 500)).append(",Maker ").append(String.format("%02d", 1 + i % 25))
                    .append(",Site ").append(String.format("%03d", 1 + i % 200)).append(',')
                    .append(1 + i % 12).append('/').append(1 + i % 28).append("/2").append(i % 10).append(",\"$1,")
                    .append(100 + i % 900).append(".00\",").append(i % 10 == 0 ? "Pending" : "Ready to deploy").append(',')
                    .append(12 + i % 3 * 12).append(',').append(i % 7 == 0 ? "\"two\nlines\"" : "").append("\r\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assets/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t) / 1e9;
        String summary = r.body().length() > 160 ? r.body().substring(0, 160) : r.body();
        table.add(String.format("%-34s %8d %8.2f s  status %d, %,d bytes: %s", "import " + rows + " rows", 1, s,
                r.statusCode(), body.length, summary));
    }

    static void row(String name, double[] ms, Map<Double, Double> after, Map<Double, Double> before, String target) {
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        table.add(String.format("%-34s %8d %8.2f %8.2f %8.2f | %8s %8s %8s  %s", name, ms.length, pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), server(after, before, 0.50), server(after, before, 0.95),
                server(after, before, 0.99), target));
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Cumulative bucket counts (le in seconds -> count) of GET 200 requests to {@code uri}. */
    static Map<Double, Double> buckets(String uri) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<Double, Double> buckets = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_bucket\\{([^}]*)} ([0-9.eE+]+)").matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (!labels.contains("uri=\"" + uri + "\"") || !labels.contains("method=\"GET\"")
                    || !labels.contains("status=\"200\"")) {
                continue;
            }
            Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.merge(bound, Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return buckets;
    }

    /** The upper bound (ms) of the bucket holding quantile {@code q} of the requests between two scrapes. */
    static String server(Map<Double, Double> after, Map<Double, Double> before, double q) {
        if (after.isEmpty()) {
            return "-";
        }
        Map<Double, Double> delta = new LinkedHashMap<>();
        after.forEach((le, c) -> delta.put(le, c - before.getOrDefault(le, 0.0)));
        double total = delta.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total == 0) {
            return "-";
        }
        for (Map.Entry<Double, Double> e : delta.entrySet()) {
            if (e.getValue() >= q * total) {
                return e.getKey().isInfinite() ? "inf" : String.format("<=%.1f", e.getKey() * 1000);
            }
        }
        return "-";
    }
}
