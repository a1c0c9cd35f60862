import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Fills one company of a running Holdfast (embedded PostgreSQL), already seeded by Seed.java (its 5,000 people), with
 * procurement data for the alert benchmark: 300 vendors, 1,500 contracts and COUNT licences with their seats. Rows are
 * generated inside PostgreSQL (INSERT … SELECT generate_series) as the application role in a tenant transaction, so
 * row-level security applies exactly as for the app; 2,000 licences (and their seats) per transaction.
 *
 * <pre>java -cp postgresql.jar bench/SeedLicences.java DATA_DIR TENANT_ID [COUNT=10000]</pre>
 *
 * Deterministic (hashes of the row number, no random()):
 * <ul>
 * <li>vendor i: three in four have an audit cadence of 6, 12 or 24 months; last audited up to 900 days ago (one in
 * seven never), added up to 1,000 days ago — so some audits are overdue;</li>
 * <li>contract i: with vendor i % 300, ends from 60 days ago to 3 years ahead, one to three years long; one in three
 * renews automatically (renewal date = end), one in two has 30, 60 or 90 days' notice;</li>
 * <li>licence i: vendor i % 300, one in four under a contract, 1–200 seats (skewed towards small licences: 1 + 199 u²),
 * one in ten perpetual, the others expiring from 90 days ago to 1,004 days ahead (spread over 3 years); seats used:
 * 3% over-allocated (1–3 more than bought), 12% at 90–100%, the rest 20–80% (rounded down) — each seat held by a distinct one of the
 * seeded people.</li>
 * </ul>
 */
public class SeedLicences {

    static final int VENDORS = 300;
    static final int CONTRACTS = 1_500;
    static final int CHUNK = 2_000;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        UUID tenant = UUID.fromString(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
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
            try (PreparedStatement ps = app.prepareStatement(VENDORS_SQL)) {
                ps.setObject(1, tenant);
                ps.setInt(2, VENDORS);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = app.prepareStatement(CONTRACTS_SQL)) {
                ps.setInt(1, CONTRACTS);
                ps.setObject(2, tenant);
                ps.executeUpdate();
            }
            app.commit();
            System.out.printf("%d vendors and %,d contracts in %.1f s%n", VENDORS, CONTRACTS,
                    (System.nanoTime() - start) / 1e9);
            for (int from = 1; from <= n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK - 1);
                bind(app, tenant);
                try (PreparedStatement ps = app.prepareStatement(LICENSES_SQL)) {
                    ps.setInt(1, from);
                    ps.setInt(2, to);
                    ps.setObject(3, tenant);
                    ps.setObject(4, tenant);
                    ps.executeUpdate();
                }
                app.commit();
                System.out.printf("%,d licences in %.1f s%n", to, (System.nanoTime() - start) / 1e9);
            }
            bind(app, tenant);
            try (Statement st = app.createStatement();
                    ResultSet rs = st.executeQuery("""
                            select (select count(*) from license_seats),
                                   (select count(*) from (select l.id from licenses l join license_seats s
                                        on s.tenant_id = l.tenant_id and s.license_id = l.id
                                        group by l.id, l.seats having count(*) > l.seats) o),
                                   (select count(*) from (select l.id from licenses l join license_seats s
                                        on s.tenant_id = l.tenant_id and s.license_id = l.id
                                        group by l.id, l.seats having count(*) * 100 >= l.seats * 90) f),
                                   (select count(*) from licenses where expires_on between current_date
                                        and current_date + 30),
                                   (select count(*) from vendors where next_audit_due < current_date)""")) {
                rs.next();
                System.out.printf("%,d seats; %,d licences over-allocated, %,d at >= 90%% of their seats, "
                        + "%,d expiring within 30 days; %d vendor audits overdue%n", rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
            app.commit();
        }
        try (Connection owner = DriverManager.getConnection(url, "holdfast_owner", credentials.getProperty("owner"));
                Statement st = owner.createStatement()) {
            st.execute("vacuum analyze licenses, license_seats");
            st.execute("analyze vendors, contracts");
        }
        System.out.printf("seeded %,d licences in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
    }

    static void bind(Connection c, UUID tenant) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }

    /** ? = tenant, number of vendors. h(i, salt) is a hash of the row number in [0, 1). */
    static final String VENDORS_SQL = """
            insert into vendors (tenant_id, id, name, contact_name, email, audit_cadence_months, last_audit_on,
                                 last_audit_result, created_on)
            select ?, gen_random_uuid(), 'Vendor ' || lpad(i::text, 3, '0'), 'Contact ' || i,
                   'sales' || i || '@vendor.example.test',
                   case i % 4 when 1 then 6 when 2 then 12 when 3 then 24 end,
                   case when i % 7 <> 0 then current_date - (hashtext(i || 'audit') & 1023) % 900 end,
                   case when i % 7 <> 0 then (array['PASSED', 'PASSED', 'CONCERNS', 'FAILED'])[1 + i % 4] end,
                   current_date - (i * 37) % 1000
            from generate_series(1, ?) i
            """;

    /** ? = number of contracts, tenant; the vendors are Vendor 001..300 in name order. */
    static final String CONTRACTS_SQL = """
            with v as (select array_agg(id order by name) ids from vendors where name like 'Vendor %'),
                 d as (select i, current_date - 60 + (hashtext(i || 'ends') & 65535) % 1095 as ends_on
                       from generate_series(1, ?) i)
            insert into contracts (tenant_id, id, vendor_id, title, number, starts_on, ends_on, renewal_on,
                                   notice_days, auto_renew, value, currency)
            select ?, gen_random_uuid(), v.ids[1 + d.i % array_length(v.ids, 1)],
                   (array['Support', 'Maintenance', 'Leasing', 'Subscription', 'Cloud'])[1 + d.i % 5] || ' contract '
                       || lpad(d.i::text, 4, '0'),
                   'C-' || lpad(d.i::text, 5, '0'), d.ends_on - 365 * (1 + d.i % 3), d.ends_on,
                   case when d.i % 3 = 0 then d.ends_on end,
                   case when d.i % 2 = 0 then (array[30, 60, 90])[1 + d.i % 3] end,
                   d.i % 3 = 0, ((hashtext(d.i || 'value') & 65535) % 50000 + 500)::numeric, 'EUR'
            from d, v
            """;

    /**
     * One chunk of licences with their seats; ? = first i, last i, tenant, tenant. One statement: the licences are
     * inserted by a data-modifying CTE, their seats by the main insert (the foreign keys are checked at its end).
     */
    static final String LICENSES_SQL = """
            with v as (select array_agg(id order by name) ids from vendors where name like 'Vendor %'),
                 c as (select array_agg(id order by number) ids from contracts where number like 'C-%'),
                 p as (select array_agg(id order by name) ids from people),
                 r as (select i, (hashtext(i || 'seats') & 1048575) / 1048576.0 as u,
                              (hashtext(i || 'use') & 1048575) / 1048576.0 as k,
                              (hashtext(i || 'fill') & 1048575) / 1048576.0 as f
                       from generate_series(?, ?) i),
                 src as (select i, gen_random_uuid() as id, seats,
                                case when k < 0.03 then seats + 1 + i % 3
                                     when k < 0.15 then seats - floor(seats * 0.1 * f)::int
                                     else floor(seats * (0.2 + 0.6 * f))::int end as used
                         from (select r.*, 1 + floor(199 * u * u)::int as seats from r) s),
                 ins as (
                     insert into licenses (tenant_id, id, product, vendor_id, contract_id, license_key, seats,
                                           purchase_date, purchase_cost, expires_on)
                     select ?, src.id,
                            (array['Office', 'Acrobat', 'Photoshop', 'IntelliJ IDEA', 'Slack', 'Zoom', 'Windows',
                                   'Visual Studio', 'AutoCAD', 'Antivirus'])[1 + src.i % 10] || ' ' || src.i,
                            v.ids[1 + src.i % array_length(v.ids, 1)],
                            case when src.i % 4 = 0 then c.ids[1 + src.i % array_length(c.ids, 1)] end,
                            'KEY-' || upper(substr(md5(src.i::text), 1, 20)), src.seats,
                            current_date - 400 - (hashtext(src.i || 'bought') & 1023) % 700,
                            (src.seats * (10 + src.i % 90))::numeric,
                            case when src.i % 10 <> 0
                                 then current_date - 90 + (hashtext(src.i || 'expires') & 65535) % 1095 end
                     from src, v, c
                     returning id)
            insert into license_seats (tenant_id, id, license_id, person_id, assigned_at)
            select ?, gen_random_uuid(), src.id, p.ids[1 + (src.i * 37 + j) % array_length(p.ids, 1)],
                   now() - (j || ' hours')::interval
            from src cross join lateral generate_series(1, src.used) j, p
            where exists (select 1 from ins where ins.id = src.id)
            """;
}
