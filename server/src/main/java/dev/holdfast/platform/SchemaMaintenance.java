package dev.holdfast.platform;

import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DDL that the application role may not run — creating and dropping day partitions — executed as the
 * schema owner. For maintenance jobs only; never with user input in the SQL.
 */
@Component
public class SchemaMaintenance {

    private final JdbcClient owner;
    private final JdbcTemplate ownerTemplate;

    SchemaMaintenance(@Qualifier("ownerDataSource") DataSource ownerDataSource) {
        this.owner = JdbcClient.create(ownerDataSource);
        this.ownerTemplate = new JdbcTemplate(ownerDataSource);
    }

    /** Runs one statement as the owner, in its own transaction (auto-commit). */
    public void execute(String sql) {
        owner.sql(sql).update();
    }

    /**
     * Runs one statement as the owner (auto-commit) that gives up after waiting {@code lockTimeout} for a lock — or,
     * for {@code … CONCURRENTLY}, for older transactions to end — instead of waiting as long as they last.
     */
    public void execute(String sql, Duration lockTimeout) {
        ownerTemplate.execute((ConnectionCallback<Void>) connection -> {
            try (Statement st = connection.createStatement()) {
                st.execute("set lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
                try {
                    st.execute(sql);
                } finally {
                    st.execute("reset lock_timeout");
                }
            }
            return null;
        });
    }

    /** A read as the owner (e.g. listing partitions in pg_inherits). */
    public JdbcClient ownerClient() {
        return owner;
    }
}
