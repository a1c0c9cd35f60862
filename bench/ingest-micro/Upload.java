import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import dev.holdfast.protocol.BatchCodec;

/**
 * A tiny concurrent uploader (the real fleet simulator lives elsewhere): signs up a company, enrols D devices and
 * uploads the reference batch (IngestMicro.reference) gzipped from C client threads for S seconds, each upload with a
 * fresh batch id (TINY=1: a batch of one motion window instead, to see what the request path alone costs). The gzip is built once with the batch id in a stored (uncompressed) first block, so a new id is
 * a byte patch plus a CRC32 — the client spends microseconds per upload, not a gzip.
 *
 * <pre>
 * java -cp protocol/target/classes:bench/ingest-micro bench/ingest-micro/Upload.java BASE [seconds=60] [clients=32] [devices=200]
 * </pre>
 * (compile IngestMicro first: javac -cp protocol/target/classes -d bench/ingest-micro bench/ingest-micro/IngestMicro.java)
 */
public class Upload {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int deviceCount = args.length > 3 ? Integer.parseInt(args[3]) : 200;

        String email = "ingest-" + System.nanoTime() + "@example.test";
        String password = "correct horse battery staple 42";
        String signup = post(base + "/api/v1/signup", null, "{\"company\":\"Ingest Bench\",\"name\":\"Bench\",\"email\":\""
                + email + "\",\"password\":\"" + password + "\"}");
        String tenant = field(signup, "tenantId");
        String token = field(post(base + "/api/v1/tokens", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"tenantId\":\"" + tenant + "\"}"), "token");
        List<String> devices = new ArrayList<>();
        while (devices.size() < deviceCount) {
            String code = field(post(base + "/api/v1/enrollment-codes", token, "{\"maxUses\":1}"), "code");
            devices.add(field(post(base + "/api/v1/devices/enroll", null, "{\"code\":\"" + code
                    + "\",\"hardwareId\":\"bench-" + UUID.randomUUID() + "\"}"), "token"));
        }
        System.out.printf("enrolled %d devices%n", devices.size());

        long now = System.currentTimeMillis();
        byte[] json = new BatchCodec().encode((System.getenv("TINY") == null || System.getenv("TINY").isEmpty()) ? IngestMicro.reference(new Random(7), now)
                : dev.holdfast.protocol.Batch.of(UUID.randomUUID(), now, List.of(), List.of(), // the request path alone
                        List.of(new dev.holdfast.protocol.MotionWindow(now - 60_000, 10_000, 0.5f))));
        Template template = new Template(json);
        System.out.printf("batch: %d B JSON, %d B gzip%n", json.length, template.size());

        LongAdder accepted = new LongAdder();
        LongAdder duplicate = new LongAdder();
        ConcurrentHashMap<Integer, LongAdder> errors = new ConcurrentHashMap<>();
        long[][] latencies = new long[clients][];
        AtomicLong seq = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            futures.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long i = seq.getAndIncrement();
                    byte[] body = template.with(UUID.randomUUID());
                    String device = devices.get((int) (i % devices.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/batches"))
                            .header("Authorization", "Bearer " + device).header("Content-Type", "application/json")
                            .header("Content-Encoding", "gzip").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long t0 = System.nanoTime();
                    int status;
                    String answer = "";
                    try {
                        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        answer = r.body();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - t0;
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = took;
                    if (status == 202) {
                        (answer.contains("duplicate") ? duplicate : accepted).increment();
                    } else {
                        errors.computeIfAbsent(status, k -> new LongAdder()).increment();
                    }
                }
                latencies[me] = Arrays.copyOf(mine, n);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%d s, %d clients, %d devices: %d accepted (%.0f batches/s), %d duplicate, errors %s%n",
                seconds, clients, deviceCount, accepted.sum(), accepted.sum() / elapsed, duplicate.sum(), errors);
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(all, 0.50), pct(all, 0.95),
                pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println("TENANT " + tenant);
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    static String post(String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** gzip of the JSON whose first 64 bytes (holding the batch id) sit in a stored block, patchable in place. */
    static final class Template {
        private final byte[] json;
        private final byte[] gzip;
        private final int idInJson;
        private final int idInGzip;

        Template(byte[] json) {
            this.json = json;
            String text = new String(json, 0, 64, StandardCharsets.US_ASCII);
            idInJson = text.indexOf("\"batchId\":\"") + 11;
            int prefix = 64;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
            out.write(0); // stored block, not final
            out.write(prefix & 0xff);
            out.write(prefix >> 8);
            out.write(~prefix & 0xff);
            out.write(~prefix >> 8 & 0xff);
            idInGzip = out.size() + idInJson;
            out.write(json, 0, prefix);
            Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
            d.setInput(json, prefix, json.length - prefix);
            d.finish();
            byte[] buf = new byte[json.length];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            d.end();
            out.writeBytes(new byte[8]); // CRC32 and size, patched per copy
            gzip = out.toByteArray();
        }

        int size() {
            return gzip.length;
        }

        byte[] with(UUID id) {
            byte[] copy = gzip.clone();
            byte[] idText = id.toString().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(idText, 0, copy, idInGzip, 36);
            CRC32 crc = new CRC32();
            crc.update(json, 0, idInJson);
            crc.update(idText);
            crc.update(json, idInJson + 36, json.length - idInJson - 36);
            long c = crc.getValue();
            int at = copy.length - 8;
            for (int k = 0; k < 4; k++) {
                copy[at + k] = (byte) (c >>> 8 * k);
                copy[at + 4 + k] = (byte) (json.length >>> 8 * k);
            }
            return copy;
        }
    }
}
