import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the tracking read API of a running Holdfast whose company has positioned assets (see positions.sh) and
 * prints client-side p50/p95/p99 per scenario: an asset's location, and the first page of the positions list with
 * each filter. Every scenario is warmed up with a third of its requests first (not counted).
 *
 * <pre>java bench/PositionsLoad.java BASE_URL TOKEN [REQUESTS]</pre>
 */
public class PositionsLoad {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = args[1];
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        List<String> ids = new ArrayList<>();
        String after = null;
        while (ids.size() < 2000) {
            String body = get("/api/v1/tracking/positions?size=1000" + (after == null ? "" : "&after=" + after));
            Matcher m = Pattern.compile("\"assetId\":\"([0-9a-f-]{36})\"").matcher(body);
            while (m.find()) {
                ids.add(m.group(1));
            }
            Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(body);
            if (!next.find()) {
                break;
            }
            after = next.group(1);
        }
        String location = first("/api/v1/locations?size=1", "\"id\":\"([0-9a-f-]{36})\"");
        String since = Instant.now().minus(2, ChronoUnit.DAYS).toString();
        Random random = new Random(1);
        System.out.printf("%-48s %8s %8s %8s %6s%n", "scenario", "p50 ms", "p95 ms", "p99 ms", "n");
        run("GET /assets/{id}/location", requests, () -> "/api/v1/assets/" + ids.get(random.nextInt(ids.size())) + "/location");
        run("positions (first page, no filter)", requests, () -> "/api/v1/tracking/positions");
        run("positions ?category=Laptops", requests, () -> "/api/v1/tracking/positions?category=Laptops");
        run("positions ?status=Deployed", requests, () -> "/api/v1/tracking/positions?status=Deployed");
        run("positions ?location=<id>", requests, () -> "/api/v1/tracking/positions?location=" + location);
        run("positions ?seenSince=2 days ago", requests, () -> "/api/v1/tracking/positions?seenSince=" + since);
        run("positions ?notSeenSince=2 days ago", requests, () -> "/api/v1/tracking/positions?notSeenSince=" + since);
        run("positions ?bbox=small box", requests, () -> {
            double lon = 11.3 + random.nextDouble() * 0.45;
            double lat = 48.0 + random.nextDouble() * 0.45;
            return "/api/v1/tracking/positions?bbox=" + lon + "," + lat + "," + (lon + 0.05) + "," + (lat + 0.05);
        });
        run("positions ?category=Laptops&seenSince=…", requests,
                () -> "/api/v1/tracking/positions?category=Laptops&seenSince=" + since);
    }

    interface Path {
        String next();
    }

    static void run(String name, int n, Path path) throws Exception {
        for (int i = 0; i < n / 3; i++) {
            get(path.next());
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            get(path.next());
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-48s %8.1f %8.1f %8.1f %6d%n", name, p(nanos, 50), p(nanos, 95), p(nanos, 99), n);
    }

    static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q / 100 * sorted.length) - 1)] / 1e6;
    }

    static String first(String path, String regex) throws Exception {
        Matcher m = Pattern.compile(regex).matcher(get(path));
        return m.find() ? m.group(1) : "";
    }

    static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
