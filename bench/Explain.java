import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one SQL statement as the application role inside the company's tenant transaction
 * (row-level security applies as for the app). For finding why a benchmark figure misses its target.
 *
 * <pre>java -cp postgresql.jar bench/Explain.java DATA_DIR TENANT_ID "select …" ["set local …" …]</pre>
 */
public class Explain {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Properties credentials = new Properties();
        try (var r = Files.newBufferedReader(data.resolve("embedded-postgres.properties"))) {
            credentials.load(r);
        }
        String port = Files.readAllLines(data.resolve("pgdata/postmaster.pid")).get(3).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/holdfast",
                "holdfast_app", credentials.getProperty("app"))) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select set_config('app.tenant_id', '" + java.util.UUID.fromString(args[1]) + "', true)");
                for (int i = 3; i < args.length; i++) { // optional settings, e.g. "set local enable_indexscan = off"
                    st.execute(args[i]);
                }
                for (int run = 0; run < 2; run++) { // the second run is the warm one
                    try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + args[2])) {
                        if (run == 1) {
                            while (rs.next()) {
                                System.out.println(rs.getString(1));
                            }
                        }
                    }
                }
            }
            c.rollback();
        }
    }
}
