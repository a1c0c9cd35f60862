package dev.holdfast.platform;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DDL that the application role may not run — creating and dropping day partitions — executed as the
 * schema owner. For maintenance jobs only; never with user input in the SQL.
 */
@Component
public class SchemaMaintenance {

    private final JdbcClient owner;

    SchemaMaintenance(@Qualifier("ownerDataSource") DataSource ownerDataSource) {
        this.owner = JdbcClient.create(ownerDataSource);
    }

    /** Runs one statement as the owner, in its own transaction (auto-commit). */
    public void execute(String sql) {
        owner.sql(sql).update();
    }

    /** A read as the owner (e.g. listing partitions in pg_inherits). */
    public JdbcClient ownerClient() {
        return owner;
    }
}
