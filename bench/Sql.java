import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Runs SQL statements against a running Holdfast's embedded PostgreSQL as the schema owner (what the retention job's
 * DDL runs as), with the company's tenant set for the session (row-level security is forced on the owner too).
 * Prints each result row tab-separated on stdout and each statement's time on stderr.
 *
 * <pre>[SQL_AS=postgres] java -cp postgresql.jar bench/Sql.java DATA_DIR TENANT_ID "select …" ["drop table …" …]</pre>
 */
public class Sql {
    /** {@code SQL_AS=postgres}: as the embedded superuser instead (for {@code checkpoint}). */
    static final boolean SUPERUSER = "postgres".equals(System.getenv("SQL_AS"));

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Properties credentials = new Properties();
        try (var r = Files.newBufferedReader(data.resolve("embedded-postgres.properties"))) {
            credentials.load(r);
        }
        String port = Files.readAllLines(data.resolve("pgdata/postmaster.pid")).get(3).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/holdfast",
                SUPERUSER ? "postgres" : "holdfast_owner", credentials.getProperty(SUPERUSER ? "superuser" : "owner"));
                Statement st = c.createStatement()) {
            st.execute("select set_config('app.tenant_id', '" + UUID.fromString(args[1]) + "', false)");
            for (int i = 2; i < args.length; i++) {
                long start = System.nanoTime();
                boolean rows = st.execute(args[i]);
                double ms = (System.nanoTime() - start) / 1e6;
                if (rows) {
                    try (ResultSet rs = st.getResultSet()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int col = 1; col <= meta.getColumnCount(); col++) {
                                line.append(col == 1 ? "" : "\t").append(rs.getString(col));
                            }
                            System.out.println(line);
                        }
                    }
                }
                System.err.printf("-- %.1f ms: %s%n", ms, args[i].replaceAll("\\s+", " ").trim());
            }
        }
    }
}
