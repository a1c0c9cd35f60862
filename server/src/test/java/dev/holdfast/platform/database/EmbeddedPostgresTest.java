package dev.holdfast.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user meets it: fresh start, restart with data kept, a JVM killed with SIGKILL,
 * a stale lock file and a leftover server. Runs as root in CI, so it also proves the drop to nobody.
 */
class EmbeddedPostgresTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path dataDir;

    @Test
    void startsListensOnLoopbackOnlyAndKeepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, false)) {
            try (Connection c = owner(pg); Statement st = c.createStatement()) {
                st.execute("create table kept (v text)");
                st.execute("insert into kept values ('still here')");
                try (ResultSet rs = st.executeQuery("show listen_addresses")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
                }
                assertThat(Path.of("/tmp/.s.PGSQL." + pg.port())).doesNotExist();
            }
            if (ProcessUser.isRoot()) {
                assertThat(postmasterUser()).isEqualTo(ProcessUser.lookup("nobody").uid());
            }
        }
        assertThat(dataDir.resolve("pgdata/postmaster.pid")).doesNotExist();

        try (EmbeddedPostgres again = EmbeddedPostgres.start(dataDir, false);
                Connection c = owner(again); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void survivesTheJvmBeingKilledWithSigkill() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int port = -1;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                port = Integer.parseInt(line.substring(6).trim());
                break;
            }
        }
        assertThat(port).as("child reported its port").isPositive();
        EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(dataDir);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/holdfast",
                EmbeddedCredentials.OWNER, credentials.ownerPassword()); Statement st = c.createStatement()) {
            st.execute("create table committed (v int)");
            st.execute("insert into committed values (42)");
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(0).trim());

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

        // the postmaster follows its JVM instead of lingering as an orphan
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false))
                .as("postmaster still running after its JVM was killed").isFalse();

        try (EmbeddedPostgres again = EmbeddedPostgres.start(dataDir, false);
                Connection c = owner(again); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select v from committed")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void startsDespiteAStaleLockFileOrALeftoverServer() throws Exception {
        EmbeddedPostgres first = EmbeddedPostgres.start(dataDir, false);
        first.close();
        // a lock file naming a process that is long gone, as after a power cut
        Files.writeString(dataDir.resolve("pgdata/postmaster.pid"), "999999\n" + dataDir.resolve("pgdata") + "\n");
        try (EmbeddedPostgres afterStaleLock = EmbeddedPostgres.start(dataDir, false); Connection c = owner(afterStaleLock)) {
            assertThat(c.isValid(2)).isTrue();
        }

        EmbeddedPostgres leftover = EmbeddedPostgres.start(dataDir, false); // never closed, like an orphan
        try (EmbeddedPostgres replacement = EmbeddedPostgres.start(dataDir, false); Connection c = owner(replacement)) {
            assertThat(c.isValid(2)).isTrue();
            Instant deadline = Instant.now().plusSeconds(10);
            while (leftover.isRunning() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(leftover.isRunning()).isFalse();
        }
    }

    private static Connection owner(EmbeddedPostgres pg) throws Exception {
        return DriverManager.getConnection(pg.jdbcUrl("holdfast"), EmbeddedCredentials.OWNER,
                pg.credentials().ownerPassword());
    }

    private int postmasterUser() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).get(0).trim());
        List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
        String uidLine = status.stream().filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
        return Integer.parseInt(uidLine.split("\\s+")[1]);
    }
}
