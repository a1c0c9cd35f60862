import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.protocol.BleSightings;
import dev.holdfast.protocol.CompactBatchCodec;
import dev.holdfast.protocol.GzipBodies;
import dev.holdfast.protocol.GpsFixes;
import dev.holdfast.protocol.MotionWindows;

/**
 * Where the CPU time of one upload goes, without HTTP or the database: the reference batch (15 minutes of one
 * collector: 90 GPS fixes, 900 BLE sightings of 25 beacons, 90 motion windows) through gunzip, JSON decode,
 * gzip of the JSON (what the server did for plain uploads) and the compact storage codec.
 *
 * <pre>
 * ./mvnw -B -o -q -pl protocol install -DskipTests
 * java -cp protocol/target/classes bench/ingest-micro/IngestMicro.java [seconds per step]
 * </pre>
 */
public class IngestMicro {

    public static Batch reference(Random r, long now) {
        long start = now - 15 * 60_000;
        GpsFixes.Builder gps = GpsFixes.builder();
        double lat = 48.1374 + r.nextDouble() * 0.01;
        double lon = 11.5754 + r.nextDouble() * 0.01;
        double alt = 519 + r.nextDouble() * 10;
        for (int i = 0; i < 90; i++) {
            lat += (r.nextDouble() - 0.5) * 1e-4; // Android reports full double precision
            lon += (r.nextDouble() - 0.5) * 1e-4;
            alt += (r.nextDouble() - 0.5);
            gps.add(start + i * 10_000L + r.nextInt(50), lat, lon, 3 + r.nextFloat() * 10, alt, r.nextFloat() * 2,
                    r.nextFloat() * 359);
        }
        BleSightings.Builder ble = BleSightings.builder();
        byte[][] advs = new byte[25][];
        String[] macs = new String[25];
        for (int k = 0; k < advs.length; k++) {
            advs[k] = HexFormat.of().parseHex("0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e0"
                    + String.format("%04x%04x", 100 + k, k) + "c5");
            macs[k] = String.format("C3:11:0A:5F:%02X:%02X", r.nextInt(256), k);
        }
        for (int i = 0; i < 900; i++) {
            int k = r.nextInt(advs.length);
            ble.add(start + i * 1000L + r.nextInt(900), -50 - r.nextInt(45), advs[k], macs[k]);
        }
        MotionWindows.Builder motion = MotionWindows.builder();
        for (int i = 0; i < 90; i++) {
            motion.add(start + i * 10_000L, 10_000, r.nextFloat() * 2);
        }
        return new Batch(UUID.randomUUID(), now, gps.build(), ble.build(), motion.build());
    }

    static byte[] gzip(byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    interface Step {
        void run() throws Exception;
    }

    static void measure(String name, double seconds, int threads, Step step) throws Exception {
        for (int i = 0; i < 200; i++) {
            step.run(); // warm up
        }
        LongAdder count = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long began = System.nanoTime();
        Future<?>[] fs = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            fs[t] = pool.submit(() -> {
                while (System.nanoTime() < end) {
                    step.run();
                    count.increment();
                }
                return null;
            });
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - began) / 1e9;
        System.out.printf("%-44s %2d thread(s) %9.0f batches/s  %7.1f µs/batch/thread%n", name, threads,
                count.sum() / elapsed, elapsed * threads * 1e6 / count.sum());
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        Batch batch = reference(new Random(42), System.currentTimeMillis());
        BatchCodec json = new BatchCodec();
        CompactBatchCodec compact = new CompactBatchCodec();
        byte[] plain = json.encode(batch);
        byte[] gz = gzip(plain);
        byte[] stored = compact.encode(batch);
        int obs = batch.observationCount();
        System.out.printf("reference batch: %d observations; JSON %d B (%.1f B/obs); gzip JSON %d B (%.2f B/obs); "
                + "compact+deflate %d B (%.2f B/obs)%n", obs, plain.length, plain.length / (double) obs, gz.length,
                gz.length / (double) obs, stored.length, stored.length / (double) obs);
        for (int threads : new int[] {1, 2}) {
            measure("gunzip only", seconds, threads, () -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
                    in.readAllBytes();
                }
            });
            measure("decode JSON (plain, in place)", seconds, threads, () -> json.decode(plain));
            measure("decode JSON (streamed, 16 KB window)", seconds, threads,
                    () -> json.decode(new ByteArrayInputStream(plain)));
            ThreadLocal<GzipBodies> inflaters = ThreadLocal.withInitial(() -> new GzipBodies(8 << 20));
            measure("gunzip + decode JSON in place (= parse ceiling)", seconds, threads, () -> {
                GzipBodies inflater = inflaters.get();
                json.decode(inflater.buffer(), inflater.inflate(gz, gz.length));
            });
            measure("gzip of the JSON (old plain-upload path)", seconds, threads, () -> gzip(plain));
            measure("compact encode + deflate", seconds, threads, () -> compact.encode(batch));
            measure("compact inflate + decode", seconds, threads, () -> compact.decode(stored));
            measure("gunzip+decode+compact (the server's path)", seconds, threads, () -> {
                GzipBodies inflater = inflaters.get();
                compact.encode(json.decode(inflater.buffer(), inflater.inflate(gz, gz.length)));
            });
        }
    }
}
