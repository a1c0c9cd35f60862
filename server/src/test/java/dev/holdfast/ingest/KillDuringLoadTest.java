package dev.holdfast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.holdfast.HoldfastApplication;
import dev.holdfast.protocol.BatchCodec;
import dev.holdfast.simulator.PatchableBody;
import dev.holdfast.simulator.ReferenceBatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code 202} is a promise: Holdfast runs as a child JVM on its own data directory (embedded PostgreSQL with its
 * production settings), several devices upload reference batches from several threads, the JVM is killed with
 * SIGKILL in the middle of the run, and after a restart on the same data directory every batch that had been answered
 * {@code 202 accepted} is there exactly once: re-sending it answers {@code duplicate}, and the table holds one row for
 * it. (Uploads that were in flight at the kill may or may not have been stored — their senders got no answer and
 * would retry with the same id.)
 */
class KillDuringLoadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int THREADS = 6;
    private static final int DEVICES = 3;

    private final Path dataDir = Path.of("target", "kill-during-load-" + UUID.randomUUID()).toAbsolutePath();
    private final List<Process> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private int port;

    record Acked(String deviceToken, UUID deviceId, UUID batchId, byte[] body) {
    }

    @AfterEach
    void stopServersAndCleanUp() throws Exception {
        for (Process p : servers) {
            if (p.isAlive()) {
                p.destroy(); // SIGTERM: graceful, stops its PostgreSQL
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void everyBatchAnswered202SurvivesKillDashNineExactlyOnce() throws Exception {
        Files.createDirectories(dataDir);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process first = start("first");
        awaitHealthy(first, "first", Duration.ofSeconds(150));

        // a company, an enrolment code, three devices
        String email = "kill-" + UUID.randomUUID() + "@example.test";
        String password = "correct horse battery staple 42";
        JsonNode signup = post("/api/v1/signup", null, Map.of("company", "Kill Co", "name", "Kim", "email", email,
                "password", password), 201);
        UUID tenant = UUID.fromString(signup.get("tenantId").asString());
        String apiToken = post("/api/v1/tokens", null, Map.of("email", email, "password", password, "tenantId",
                tenant.toString()), 201).get("token").asString();
        String code = post("/api/v1/enrollment-codes", apiToken, Map.of("maxUses", 10), 201).get("code").asString();
        List<String> deviceTokens = new ArrayList<>();
        List<UUID> deviceIds = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            JsonNode enrolled = post("/api/v1/devices/enroll", null, Map.of("code", code, "hardwareId",
                    "kill-test-" + UUID.randomUUID()), 201);
            deviceTokens.add(enrolled.get("token").asString());
            deviceIds.add(UUID.fromString(enrolled.get("deviceId").asString()));
        }

        BatchCodec codec = new BatchCodec();
        List<PatchableBody> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bodies.add(PatchableBody.of(ReferenceBatch.build(UUID.randomUUID(), System.currentTimeMillis(), i), codec));
        }

        // load from several threads; kill -9 once enough batches were acknowledged (or after 15 s)
        ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int device = t % DEVICES;
            Thread thread = new Thread(() -> {
                int n = ThreadLocalRandom.current().nextInt(bodies.size());
                while (!stop.get()) {
                    UUID id = UUID.randomUUID();
                    byte[] body = bodies.get(n++ % bodies.size()).withBatchId(id);
                    try {
                        HttpResponse<String> r = upload(deviceTokens.get(device), body);
                        if (r.statusCode() == 202 && r.body().contains("\"accepted\"")) {
                            acked.add(new Acked(deviceTokens.get(device), deviceIds.get(device), id, body));
                        } else if (r.statusCode() != 202) {
                            unanswered.incrementAndGet(); // e.g. a 5xx while shutting down: not a promise
                        }
                    } catch (IOException e) {
                        unanswered.incrementAndGet();
                        sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "upload-" + t);
            thread.start();
            threads.add(thread);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (acked.size() < 150 && System.nanoTime() < deadline && first.isAlive()) {
            Thread.sleep(20);
        }
        int ackedBeforeKill = acked.size();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // the senders in flight get their connection reset
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(15_000);
        }
        assertThat(ackedBeforeKill).as("batches acknowledged before the kill").isGreaterThanOrEqualTo(20);

        Process second = start("second");
        awaitHealthy(second, "second", Duration.ofSeconds(120));

        // every acknowledged batch is recognised as already stored
        List<Acked> promised = List.copyOf(acked);
        for (Acked a : promised) {
            HttpResponse<String> r = upload(a.deviceToken(), a.body());
            assertThat(r.statusCode()).as("re-send of %s", a.batchId()).isEqualTo(202);
            assertThat(JSON.readTree(r.body()).get("status").asString()).as("re-send of %s", a.batchId())
                    .isEqualTo("duplicate");
        }

        // and is stored exactly once
        Map<UUID, Integer> rows = storedBatches(tenant, deviceIds);
        for (Acked a : promised) {
            assertThat(rows.get(a.batchId())).as("rows of acknowledged batch %s", a.batchId()).isEqualTo(1);
        }
        assertThat(rows.values()).as("no batch stored twice").allMatch(n -> n == 1);
        assertThat(rows.size()).as("stored = acknowledged + some of those in flight at the kill")
                .isBetween(promised.size(), promised.size() + unanswered.get() + THREADS);
        System.out.printf("kill -9 after %d acknowledged batches; %d acknowledged in all, %d stored, %d unanswered%n",
                ackedBeforeKill, promised.size(), rows.size(), unanswered.get());
    }

    private Process start(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the test JVM's class path without the test classes: the application as installed, with its own settings
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                HoldfastApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--holdfast.data-dir=" + dataDir,
                "--holdfast.accounts.signup-open=true",
                "--holdfast.rate-limit.enabled=false",
                "--holdfast.fleet.enrollments-per-ip-per-minute=100000",
                "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server-" + name + ".log").toFile())
                .start();
        servers.add(p);
        return p;
    }

    private void awaitHealthy(Process p, String name, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the " + name + " server exited:\n" + logTail(name));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the " + name + " server did not become healthy in " + limit + ":\n" + logTail(name));
    }

    private String logTail(String name) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("server-" + name + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private HttpResponse<String> upload(String deviceToken, byte[] gzipBody) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/ingest/batches"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + deviceToken)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String path, String bearer, Map<String, Object> body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(expected);
        return JSON.readTree(r.body());
    }

    /** Rows per batch id of the devices, read as the schema owner inside the company's tenant. */
    private Map<UUID, Integer> storedBatches(UUID tenant, List<UUID> devices) throws Exception {
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("embedded-postgres.properties"))) {
            credentials.load(reader);
        }
        String pgPort = Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(3).strip();
        Map<UUID, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/holdfast",
                "holdfast_owner", credentials.getProperty("owner")); Statement st = c.createStatement()) {
            st.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            try (PreparedStatement ps = c.prepareStatement(
                    "select batch_id, count(*) from field_batches where device_id = any(?) group by batch_id")) {
                ps.setArray(1, c.createArrayOf("uuid", devices.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }
                }
            }
        }
        return rows;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
