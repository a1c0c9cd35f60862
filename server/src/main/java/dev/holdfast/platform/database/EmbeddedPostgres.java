package dev.holdfast.platform.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the application from the binaries on the classpath.
 *
 * <ul>
 *   <li>Data lives in {@code <dataDir>/pgdata}; binaries are unpacked to {@code <dataDir>/postgres-<version>}.</li>
 *   <li>PostgreSQL refuses to run as root: when the JVM is root, every PostgreSQL process runs as an
 *       unprivileged user ({@code nobody}) through {@code setpriv}, and that user owns {@code pgdata}.</li>
 *   <li>Listens on 127.0.0.1 only (no Unix socket), on a free port chosen at each start.</li>
 *   <li>The postmaster gets SIGINT (fast shutdown) when the JVM dies, even by {@code kill -9}
 *       ({@code setpriv --pdeathsig}); a postmaster left over anyway is stopped before starting.</li>
 * </ul>
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Path pgdata;
    private final Path install;
    private final boolean ephemeral;
    private final @Nullable RunAs runAs;
    private final EmbeddedCredentials credentials;
    private final int port;
    private final Process postmaster;
    private final Thread keeper;

    /** An unprivileged user to run PostgreSQL as when the JVM is root. */
    record RunAs(String name, int uid, int gid) {
    }

    private EmbeddedPostgres(Path dataDir, boolean ephemeral) throws IOException, InterruptedException {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.pgdata = this.dataDir.resolve("pgdata");
        this.ephemeral = ephemeral;
        this.runAs = ProcessUser.isRoot() ? ProcessUser.lookup("nobody") : null;
        Files.createDirectories(this.dataDir);
        if (runAs != null) {
            ensureReachable();
        }
        this.install = PostgresBinaries.unpack(this.dataDir);
        this.credentials = EmbeddedCredentials.loadOrCreate(this.dataDir);
        if (ephemeral) {
            FileTrees.delete(pgdata);
        }
        if (!Files.exists(pgdata.resolve("PG_VERSION"))) {
            initdb();
        }
        stopLeftover();
        this.port = freePort();
        var started = new CompletableFuture<Process>();
        // pdeathsig fires when the *thread* that forked the child ends, so a dedicated thread forks
        // the postmaster and lives exactly as long as it does.
        this.keeper = new Thread(() -> runPostmaster(started), "embedded-postgres");
        this.keeper.setDaemon(true);
        this.keeper.start();
        try {
            this.postmaster = started.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("could not launch PostgreSQL", e);
        }
        awaitReady();
        bootstrap();
        log.info("Embedded PostgreSQL {} listening on 127.0.0.1:{} (data in {})",
                PostgresBinaries.version(), port, pgdata);
    }

    /**
     * Starts PostgreSQL on {@code dataDir}. With {@code ephemeral}, any previous cluster there is wiped first
     * and durability is traded for speed (tests).
     */
    public static EmbeddedPostgres start(Path dataDir, boolean ephemeral) {
        try {
            return new EmbeddedPostgres(dataDir, ephemeral);
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL failed to start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting embedded PostgreSQL", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public EmbeddedCredentials credentials() {
        return credentials;
    }

    public boolean isRunning() {
        return postmaster.isAlive();
    }

    @Override
    public void close() {
        if (!postmaster.isAlive()) {
            return;
        }
        try {
            int rc = run(List.of(bin("pg_ctl"), "stop", "-D", pgdata.toString(), "-m", "fast", "-w", "-t", "60"),
                    Duration.ofSeconds(70));
            if (rc != 0) {
                log.warn("pg_ctl stop exited with {}; killing PostgreSQL", rc);
                postmaster.destroyForcibly();
            }
            postmaster.waitFor(30, TimeUnit.SECONDS);
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Could not stop embedded PostgreSQL cleanly: {}", e.getMessage());
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** nobody must be able to traverse the data directory; pgdata below it becomes nobody's. */
    private void ensureReachable() throws IOException, InterruptedException {
        if (run(List.of("test", "-x", dataDir.toString()), Duration.ofSeconds(10)) == 0) {
            return;
        }
        var perms = Files.getPosixFilePermissions(dataDir);
        perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(dataDir, perms);
        if (run(List.of("test", "-x", dataDir.toString()), Duration.ofSeconds(10)) != 0) {
            throw new IOException("HOLDFAST_DATA_DIR " + dataDir + " is not reachable by the user '" + runAs.name()
                    + "' that runs the embedded PostgreSQL (PostgreSQL refuses to run as root). "
                    + "A parent directory is closed to other users (e.g. /root is mode 700): "
                    + "choose a data directory outside it, e.g. HOLDFAST_DATA_DIR=/var/lib/holdfast");
        }
    }

    private void initdb() throws IOException, InterruptedException {
        Files.createDirectories(pgdata);
        Files.setPosixFilePermissions(pgdata, PostgresBinaries.permissions(0700));
        Path pwfile = dataDir.resolve(".initdb-pw");
        Files.writeString(pwfile, credentials.superuserPassword(), StandardCharsets.UTF_8);
        try {
            if (runAs != null) {
                FileTrees.chown(pgdata, runAs.uid(), runAs.gid());
                Files.setAttribute(pwfile, "unix:uid", runAs.uid());
            }
            Files.setPosixFilePermissions(pwfile, PostgresBinaries.permissions(0600));
            List<String> cmd = new ArrayList<>(List.of(bin("initdb"), "-D", pgdata.toString(),
                    "-U", EmbeddedCredentials.SUPERUSER, "--pwfile=" + pwfile, "-A", "scram-sha-256",
                    "-E", "UTF8", "--locale=C"));
            if (ephemeral) {
                cmd.add("--no-sync");
            }
            int rc = run(cmd, Duration.ofMinutes(3));
            if (rc != 0) {
                throw new IOException("initdb failed with exit code " + rc + "; see " + logFile());
            }
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** A postmaster that outlived its JVM (or a stale lock file) must not block this start. */
    private void stopLeftover() throws IOException, InterruptedException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
        boolean alive = pid > 0 && ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .map(c -> c.endsWith("/postgres"))
                .orElse(false);
        if (alive) {
            log.warn("A PostgreSQL server (pid {}) from an earlier run is still up; stopping it", pid);
            run(List.of(bin("pg_ctl"), "stop", "-D", pgdata.toString(), "-m", "fast", "-w", "-t", "60"),
                    Duration.ofSeconds(70));
        } else {
            log.info("Removing stale postmaster.pid left by an earlier run");
            Files.deleteIfExists(pidFile);
        }
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void runPostmaster(CompletableFuture<Process> started) {
        List<String> cmd = new ArrayList<>(List.of(bin("postgres"), "-D", pgdata.toString(), "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "max_connections=200", "-c", "timezone=UTC", "-c", "log_timezone=UTC"));
        if (ephemeral) {
            cmd.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        } else {
            // field data arrives at megabytes a second: with the default 1 GB the WAL forced a checkpoint every half
            // minute, and after each one every page touched again is logged whole. Up to 4 GB of WAL on disk instead.
            cmd.addAll(List.of("-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"));
        }
        List<String> full = new ArrayList<>();
        full.add("setsid"); // own session: a Ctrl-C in the terminal reaches the JVM, which then stops PostgreSQL
        full.addAll(privilegeDrop(true));
        full.addAll(cmd);
        Process p;
        try {
            p = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            started.completeExceptionally(e);
            return;
        }
        started.complete(p);
        try {
            int rc = p.waitFor();
            if (rc != 0) {
                log.warn("Embedded PostgreSQL exited with code {}; see {}", rc, logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!postmaster.isAlive()) {
                throw new IOException("PostgreSQL exited during start-up: " + tail(logFile()));
            }
            try (Connection c = superuserConnection("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("PostgreSQL did not accept connections within " + START_TIMEOUT.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()));
    }

    /** Creates the owner and application roles and the application database, once. */
    private void bootstrap() throws IOException {
        String owner = EmbeddedCredentials.OWNER;
        String app = EmbeddedCredentials.APP;
        try (Connection c = superuserConnection("postgres"); var st = c.createStatement()) {
            st.execute("DO $$ BEGIN "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + owner + "') THEN "
                    + "CREATE ROLE " + owner + " LOGIN PASSWORD '" + credentials.ownerPassword() + "'; END IF; "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + app + "') THEN "
                    + "CREATE ROLE " + app + " LOGIN PASSWORD '" + credentials.appPassword() + "'; END IF; "
                    + "END $$");
            st.execute("GRANT " + app + " TO " + owner + " WITH ADMIN OPTION");
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EmbeddedCredentials.DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + EmbeddedCredentials.DATABASE + " OWNER " + owner);
                    st.execute("REVOKE ALL ON DATABASE " + EmbeddedCredentials.DATABASE + " FROM PUBLIC");
                    st.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + EmbeddedCredentials.DATABASE + " TO " + app);
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not prepare the Holdfast database: " + e.getMessage(), e);
        }
    }

    private Connection superuserConnection(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", EmbeddedCredentials.SUPERUSER);
        props.setProperty("password", credentials.superuserPassword());
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private List<String> privilegeDrop(boolean dieWithParent) {
        List<String> cmd = new ArrayList<>();
        cmd.add("setpriv");
        if (runAs != null) {
            cmd.addAll(List.of("--reuid=" + runAs.uid(), "--regid=" + runAs.gid(), "--clear-groups"));
        }
        if (dieWithParent) {
            cmd.add("--pdeathsig=INT");
        }
        return cmd;
    }

    private int run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(privilegeDrop(false));
        full.addAll(command);
        Process p = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command.get(0));
        }
        return p.exitValue();
    }

    private String bin(String name) {
        return install.resolve("bin").resolve(name).toString();
    }

    private Path logFile() {
        return dataDir.resolve("postgres.log");
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
