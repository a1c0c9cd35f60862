package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security underneath the application: even SQL written by hand, on the application's
 * connection, sees only the tenant bound to the transaction, and nothing without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TenantIsolationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    UUID tenantA;
    UUID tenantB;

    @BeforeEach
    void twoCompaniesWithRows() {
        tenantA = UUID.randomUUID();
        tenantB = UUID.randomUUID();
        insertAs(tenantA, "a-1");
        insertAs(tenantA, "a-2");
        insertAs(tenantB, "b-1");
    }

    @Test
    void withoutTenantARawSelectReturnsNothing() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select * from test_rls_probe")) {
            assertThat(rs.next()).isFalse();
        }
        Integer inTransaction = tx.execute(s -> jdbc.sql("select count(*) from test_rls_probe").query(Integer.class).single());
        assertThat(inTransaction).isZero();
    }

    @Test
    void tenantSeesOnlyItsOwnRowsEvenWithHandWrittenSql() throws Exception {
        List<String> seen = TenantContext.callAs(tenantA, () -> tx.execute(s ->
                jdbc.sql("select label from test_rls_probe order by label").query(String.class).list()));
        assertThat(seen).containsExactly("a-1", "a-2");

        Integer ofB = TenantContext.callAs(tenantA, () -> tx.execute(s ->
                jdbc.sql("select count(*) from test_rls_probe where tenant_id = ?").param(tenantB)
                        .query(Integer.class).single()));
        assertThat(ofB).isZero();

        // a raw connection with the setting made by hand: same rule
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("set local app.tenant_id = '" + tenantB + "'");
            List<String> labels = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select label from test_rls_probe")) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
            c.rollback();
            assertThat(labels).containsExactly("b-1");
        }
    }

    @Test
    void tenantCannotWriteIntoOrChangeAnotherTenantsRows() {
        assertThatThrownBy(() -> TenantContext.runAs(tenantA, () -> tx.executeWithoutResult(s ->
                jdbc.sql("insert into test_rls_probe (tenant_id, label) values (?, 'smuggled')").param(tenantB).update())))
                .hasStackTraceContaining("new row violates row-level security policy");

        Integer changed = TenantContext.callAs(tenantA, () -> tx.execute(s ->
                jdbc.sql("update test_rls_probe set label = 'x' where tenant_id = ?").param(tenantB).update()));
        Integer deleted = TenantContext.callAs(tenantA, () -> tx.execute(s ->
                jdbc.sql("delete from test_rls_probe where tenant_id = ?").param(tenantB).update()));
        assertThat(changed).isZero();
        assertThat(deleted).isZero();
        assertThat(labelsOf(tenantB)).containsExactly("b-1");
    }

    @Test
    void tenantSettingEndsWithItsTransaction() {
        for (int i = 0; i < 25; i++) {
            insertAs(tenantA, "again-" + i);
            Integer visibleAfterwards = tx.execute(s ->
                    jdbc.sql("select count(*) from test_rls_probe").query(Integer.class).single());
            assertThat(visibleAfterwards).as("rows visible in a transaction without tenant").isZero();
        }
    }

    @Test
    void installationWideScopeReadsEveryTenantButWritesNone() {
        List<String> all = TenantContext.callInstallationWide(() -> tx.execute(s ->
                jdbc.sql("select label from test_rls_probe where tenant_id in (?, ?) order by label")
                        .param(tenantA).param(tenantB).query(String.class).list()));
        assertThat(all).containsExactly("a-1", "a-2", "b-1");

        assertThatThrownBy(() -> TenantContext.callInstallationWide(() -> tx.execute(s ->
                jdbc.sql("insert into test_rls_probe (tenant_id, label) values (?, 'x')").param(tenantA).update())))
                .hasStackTraceContaining("row-level security");
        Integer afterwards = tx.execute(s -> jdbc.sql("select count(*) from test_rls_probe").query(Integer.class).single());
        assertThat(afterwards).as("the scope ends with its transaction").isZero();
    }

    @Test
    void applicationRoleOwnsNothingAndCannotBypassSecurity() {
        var role = jdbc.sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2))).single();
        assertThat(role).containsExactly(false, false);
        Integer owned = jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                .query(Integer.class).single();
        assertThat(owned).isZero();
        assertThatThrownBy(() -> jdbc.sql("alter table test_rls_probe disable row level security").update())
                .hasStackTraceContaining("must be owner");
    }

    /**
     * Guards every table later migrations add: a tenant_id column without isolation is a leak. A table that
     * is deliberately installation-wide (an operator's queue, say) says so with a table comment starting
     * {@code rls-exempt:} and the reason.
     */
    @Test
    void everyTableWithATenantIdIsIsolated() {
        List<String> unprotected = jdbc.sql("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where c.relkind in ('r', 'p')
                  and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'rls-exempt:%'
                  and (not c.relrowsecurity or not c.relforcerowsecurity
                       or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
                """).query(String.class).list();
        assertThat(unprotected).isEmpty();
        Integer tenantTables = jdbc.sql("""
                select count(*) from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
                where c.relkind in ('r', 'p') and c.relrowsecurity and c.relforcerowsecurity
                """).query(Integer.class).single();
        assertThat(tenantTables).isPositive();
    }

    private void insertAs(UUID tenant, String label) {
        TenantContext.runAs(tenant, () -> tx.executeWithoutResult(s ->
                jdbc.sql("insert into test_rls_probe (tenant_id, label) values (?, ?)").param(tenant).param(label).update()));
    }

    private List<String> labelsOf(UUID tenant) {
        return TenantContext.callAs(tenant, () -> tx.execute(s ->
                jdbc.sql("select label from test_rls_probe order by label").query(String.class).list()));
    }
}
