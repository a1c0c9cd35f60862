package dev.holdfast.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.TenantContext;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds the current tenant to every transaction: {@code set_config('app.tenant_id', …, true)} is the
 * function form of {@code SET LOCAL}, so the setting ends with the transaction and never leaks to the
 * next user of a pooled connection. The row-level-security policies read it. The acting user's id goes
 * along as {@code app.user_id} (a person may read their own memberships in every company).
 */
class TenantBindingTransactionManager extends JdbcTransactionManager {

    static final String TENANT_SETTING = "app.tenant_id";
    static final String SCOPE_SETTING = "app.installation_scope";
    static final String USER_SETTING = "app.user_id";

    TenantBindingTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        String tenant = TenantContext.current().map(UUID::toString).orElse("");
        Actor actor = CurrentActor.get();
        String user = actor.kind() == Actor.Kind.USER && actor.id() != null ? actor.id().toString() : "";
        try (PreparedStatement ps = con.prepareStatement("select set_config('" + TENANT_SETTING + "', ?, true), "
                + "set_config('" + SCOPE_SETTING + "', ?, true), set_config('" + USER_SETTING + "', ?, true)")) {
            ps.setString(1, tenant);
            ps.setString(2, TenantContext.isInstallationWide() ? "on" : "");
            ps.setString(3, user);
            ps.execute();
        }
    }
}
