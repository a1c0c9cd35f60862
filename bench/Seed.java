import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Fills one company of a running Holdfast (embedded PostgreSQL) with N assets and the reference data around them:
 * 30 categories, 25 manufacturers, 500 models, 200 locations, the 7 default status labels and 5,000 people.
 * Rows are generated inside PostgreSQL (INSERT … SELECT generate_series) as the application role in a tenant
 * transaction, so row-level security applies exactly as for the app; 100,000 assets per transaction.
 *
 * <pre>java -cp postgresql.jar bench/Seed.java DATA_DIR TENANT_ID [N]</pre>
 *
 * Asset i (1..N): tag A-0000123, serial SN + first 10 hex digits of md5(i) upper case, model (i*7919) % 500,
 * location (i*31) % 200, created one second apart ending now.
 */
public class Seed {

    static final List<String> CATEGORIES = List.of("Laptops", "Desktops", "Monitors", "Phones", "Tablets", "Printers",
            "Scanners", "Docking stations", "Headsets", "Keyboards", "Mice", "Webcams", "Projectors", "Displays",
            "Servers", "Switches", "Routers", "Access points", "Firewalls", "Storage", "UPS", "Cameras", "Badge readers",
            "Conference phones", "Vehicles", "Tools", "Furniture", "Lab equipment", "Barcode scanners", "Trackers");
    static final String[][] STATUSES = {{"Ready to deploy", "DEPLOYABLE"}, {"Deployed", "DEPLOYABLE"},
        {"Pending", "PENDING"}, {"Out for repair", "UNDEPLOYABLE"}, {"Broken", "UNDEPLOYABLE"},
        {"Lost or stolen", "UNDEPLOYABLE"}, {"Archived", "ARCHIVED"}};

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        UUID tenant = UUID.fromString(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Properties credentials = new Properties();
        try (var r = Files.newBufferedReader(data.resolve("embedded-postgres.properties"))) {
            credentials.load(r);
        }
        String port = Files.readAllLines(data.resolve("pgdata/postmaster.pid")).get(3).strip();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/holdfast";
        long start = System.nanoTime();
        try (Connection app = DriverManager.getConnection(url, "holdfast_app", credentials.getProperty("app"))) {
            app.setAutoCommit(false);
            bind(app, tenant);
            references(app, tenant);
            app.commit();
            System.out.printf("reference data in %.1f s%n", (System.nanoTime() - start) / 1e9);
            for (int from = 1; from <= n; from += 100_000) {
                int to = Math.min(n, from + 99_999);
                bind(app, tenant);
                try (PreparedStatement ps = app.prepareStatement(ASSETS)) {
                    ps.setObject(1, tenant);
                    ps.setInt(2, n);
                    ps.setInt(3, n);
                    ps.setInt(4, from);
                    ps.setInt(5, to);
                    ps.executeUpdate();
                }
                app.commit();
                System.out.printf("%,d assets in %.1f s%n", to, (System.nanoTime() - start) / 1e9);
            }
        }
        try (Connection owner = DriverManager.getConnection(url, "holdfast_owner", credentials.getProperty("owner"));
                Statement st = owner.createStatement()) {
            st.execute("vacuum analyze assets");
            st.execute("analyze categories, manufacturers, models, locations, status_labels, people");
        }
        System.out.printf("seeded %,d assets in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    static void bind(Connection c, UUID tenant) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }

    static void references(Connection c, UUID tenant) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into categories (tenant_id, id, name) values (?, gen_random_uuid(), ?) on conflict do nothing")) {
            for (String name : CATEGORIES) {
                ps.setObject(1, tenant);
                ps.setString(2, name);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into status_labels (tenant_id, id, name, kind) values (?, gen_random_uuid(), ?, ?) on conflict do nothing")) {
            for (String[] s : STATUSES) {
                ps.setObject(1, tenant);
                ps.setString(2, s[0]);
                ps.setString(3, s[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            String t = "'" + tenant + "'";
            st.execute("insert into manufacturers (tenant_id, id, name) select " + t + ", gen_random_uuid(), "
                    + "'Maker ' || lpad(i::text, 2, '0') from generate_series(1, 25) i on conflict do nothing");
            st.execute("insert into locations (tenant_id, id, name) select " + t + ", gen_random_uuid(), "
                    + "'Site ' || lpad(i::text, 3, '0') from generate_series(1, 200) i on conflict do nothing");
            st.execute("""
                    insert into models (tenant_id, id, name, manufacturer_id, category_id, model_number)
                    select %s, gen_random_uuid(), 'Model ' || lpad(i::text, 3, '0'),
                           (select id from manufacturers order by name offset i %% 25 limit 1),
                           (select id from categories order by name offset i %% 30 limit 1), 'MN-' || i
                    from generate_series(0, 499) i on conflict do nothing""".formatted(t));
            st.execute("insert into people (tenant_id, id, name, email, employee_number) select " + t
                    + ", gen_random_uuid(), 'Person ' || i, 'person' || i || '@example.test', 'E' || i "
                    + "from generate_series(1, 5000) i on conflict do nothing");
        }
    }

    /** One chunk of assets; ? = tenant, N, N, first i, last i. */
    static final String ASSETS = """
            with m as (select array_agg(id order by name) ids, array_agg(category_id order by name) cats,
                              array_agg(manufacturer_id order by name) mfs, array_agg(name order by name) names from models),
                 l as (select array_agg(id order by name) ids from locations),
                 s as (select array_agg(id order by name) filter (where name = 'Deployed') dep,
                              array_agg(id order by name) ids from status_labels),
                 p as (select array_agg(id order by name) ids from people)
            insert into assets (tenant_id, id, asset_tag, name, serial_number, category_id, manufacturer_id, model_id,
                                status_id, location_id, assigned_person_id, purchase_date, purchase_cost, order_number,
                                warranty_months, notes, created_at, updated_at)
            select ?, gen_random_uuid(), 'A-' || lpad(i::text, 7, '0'),
                   m.names[1 + ((i::bigint * 7919) % 500)::int] || ' ' || i,
                   'SN' || upper(substr(md5(i::text), 1, 10)),
                   m.cats[1 + ((i::bigint * 7919) % 500)::int], m.mfs[1 + ((i::bigint * 7919) % 500)::int], m.ids[1 + ((i::bigint * 7919) % 500)::int],
                   case when i % 100 < 65 then s.dep[1] else s.ids[1 + (i * 13) % array_length(s.ids, 1)] end,
                   l.ids[1 + (i * 31) % 200],
                   case when i % 100 < 65 then p.ids[1 + (i * 17) % 5000] end,
                   date '2018-01-01' + (i % 2900), ((i * 37) % 3000 + 99)::numeric + 0.99,
                   case when i % 5 = 0 then 'PO-' || (i / 50) end, (12 * (1 + i % 3)),
                   case when i % 20 = 0 then 'Note for asset ' || i end,
                   now() - (?::int - i) * interval '1 second', now() - (?::int - i) * interval '1 second'
            from generate_series(?, ?) i, m, l, s, p
            """;
}
