import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.CompactBatchCodec;

/**
 * Bytes on disk per observation, and the time to drop one day of field data: fills the day partition of 3 days ago
 * of a running Holdfast (embedded PostgreSQL) with N stored reference batches (IngestMicro.reference in the compact
 * format, 1,080 observations each; receipts too), measures the partition's total size (heap + TOAST + indexes) and
 * the receipts', then drops the partition as the schema owner, the way FieldPartitions does. {@code COLD=1} (root):
 * a checkpoint, {@code sync} and the kernel's page cache dropped first, as the retention job meets a day written
 * a month before.
 *
 * <pre>
 * [COLD=1] java -cp protocol/target/classes:$CLASSES:$PGJAR bench/ingest-micro/DropDay.java DATA_DIR TENANT_ID [N=200000] [DAYS_AGO=3] [compact|json]
 * </pre>
 */
public class DropDay {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        UUID tenant = UUID.fromString(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        int daysAgo = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Properties credentials = new Properties();
        try (var r = Files.newBufferedReader(data.resolve("embedded-postgres.properties"))) {
            credentials.load(r);
        }
        String port = Files.readAllLines(data.resolve("pgdata/postmaster.pid")).get(3).strip();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/holdfast";
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo);
        String partition = "field_batches_" + day.toString().replace("-", "");
        Batch batch = IngestMicro.reference(new Random(1), System.currentTimeMillis());
        boolean json = args.length > 4 && args[4].equals("json"); // the format before V310: gzip of the JSON
        byte[] payload = json ? gzip(new dev.holdfast.protocol.BatchCodec().encode(batch))
                : new CompactBatchCodec().encode(batch);
        System.out.printf("payload %d B for %d observations%n", payload.length, batch.observationCount());
        try (Connection owner = DriverManager.getConnection(url, "holdfast_owner", credentials.getProperty("owner"));
                Connection app = DriverManager.getConnection(url, "holdfast_app", credentials.getProperty("app"))) {
            try (PreparedStatement ps = owner.prepareStatement("select field_batches_ensure_partition(?)")) {
                ps.setObject(1, day);
                ps.executeQuery().close();
            }
            app.setAutoCommit(false);
            long started = System.nanoTime();
            for (int from = 0; from < n; from += 10_000) {
                try (PreparedStatement bind = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    bind.setString(1, tenant.toString());
                    bind.executeQuery().close();
                }
                try (PreparedStatement ps = app.prepareStatement("""
                        with g as (select gen_random_uuid() as device_id, gen_random_uuid() as batch_id,
                                          ?::date + interval '12 hours' + i * interval '100 ms' as at
                                   from generate_series(1, ?) i),
                             r as (insert into ingest_receipts (tenant_id, device_id, batch_id, day, received_at)
                                   select ?, device_id, batch_id, ?, at from g)
                        insert into field_batches (tenant_id, day, device_id, batch_id, received_at, sent_at, skew_ms,
                            first_at, last_at, gps_count, ble_count, motion_count, format, payload)
                        select ?, ?, device_id, batch_id, at, at, 0, at, at, 90, 900, 90, ?, ? from g
                        """)) {
                    ps.setObject(1, day);
                    ps.setInt(2, Math.min(10_000, n - from));
                    ps.setObject(3, tenant);
                    ps.setObject(4, day);
                    ps.setObject(5, tenant);
                    ps.setObject(6, day);
                    ps.setInt(7, json ? 0 : 1);
                    ps.setBytes(8, payload);
                    ps.executeUpdate();
                }
                app.commit();
            }
            System.out.printf("inserted %d batches in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
            if ("1".equals(System.getenv("AUTOVACUUM"))) { // as right after a load: drop while autovacuum works on it
                for (int i = 0; i < 120 && count(app, tenant, "select count(*) from pg_stat_activity where backend_type"
                        + " = 'autovacuum worker' and query like '%" + partition + "%'") == 0; i++) {
                    Thread.sleep(500);
                }
                System.out.println("autovacuum workers on the partition: " + count(app, tenant, "select count(*) from "
                        + "pg_stat_activity where backend_type = 'autovacuum worker' and query like '%" + partition + "%'"));
            } else {
                try (Statement st = owner.createStatement()) {
                    st.execute("vacuum analyze " + partition);
                }
            }
            long partitionBytes = size(owner, partition);
            long rows = count(app, tenant, "select count(*) from " + partition);
            long receipts = count(app, tenant, "select count(*) from ingest_receipts");
            long receiptBytes = size(owner, "ingest_receipts") * rows / Math.max(1, receipts);
            n = (int) rows;
            double observations = (double) n * batch.observationCount();
            System.out.printf("partition %s: %.1f MB (heap + TOAST + indexes) = %.2f B/observation; receipts %.1f MB ="
                    + " %.2f B/observation; total %.2f B/observation%n", partition, partitionBytes / 1e6,
                    partitionBytes / observations, receiptBytes / 1e6, receiptBytes / observations,
                    (partitionBytes + receiptBytes) / observations);
            if ("1".equals(System.getenv("COLD"))) { // as retention meets a day: written long ago, not in any cache
                try (Connection superuser = DriverManager.getConnection(url, "postgres",
                        credentials.getProperty("superuser")); Statement st = superuser.createStatement()) {
                    st.execute("checkpoint");
                }
                new ProcessBuilder("sync").inheritIO().start().waitFor();
                Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
                System.out.println("checkpoint, sync, page cache dropped");
            }
            long dropStart = System.nanoTime();
            try (Statement st = owner.createStatement()) {
                st.execute("drop table if exists " + partition);
            }
            System.out.printf("drop table %s (%d batches, %.0f MB): %.0f ms%n", partition, n, partitionBytes / 1e6,
                    (System.nanoTime() - dropStart) / 1e6);
        }
    }

    static byte[] gzip(byte[] plain) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    static long count(Connection app, UUID tenant, String sql) throws Exception {
        try (PreparedStatement bind = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenant.toString());
            bind.executeQuery().close();
        }
        try (PreparedStatement ps = app.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long c = rs.getLong(1);
            app.commit();
            return c;
        }
    }

    static long size(Connection c, String table) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select pg_total_relation_size(?::regclass)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
