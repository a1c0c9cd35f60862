package dev.holdfast.accounts.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The installation-wide {@code users} table. */
@Repository
public class UserStore {

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("select * from users where email = ?").param(Emails.normalize(email)).query(UserStore::map)
                .optional();
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("select * from users where id = ?").param(id).query(UserStore::map).optional();
    }

    public boolean exists(String email) {
        return jdbc.sql("select count(*) from users where email = ?").param(Emails.normalize(email))
                .query(Long.class).single() > 0;
    }

    public boolean anyOperator() {
        return jdbc.sql("select count(*) from users where operator").query(Long.class).single() > 0;
    }

    UserAccount insert(String email, String name, String passwordHash, boolean operator) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, name, password_hash, operator) values (?, ?, ?, ?, ?)")
                .params(id, Emails.normalize(email), name.trim(), passwordHash, operator).update();
        return find(id).orElseThrow();
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = ?, password_changed_at = now() where id = ?")
                .params(passwordHash, id).update();
    }

    public void rememberCompany(UUID id, @Nullable UUID tenantId) {
        jdbc.sql("update users set last_tenant_id = ? where id = ?").params(tenantId, id).update();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), rs.getBoolean("operator"), rs.getBoolean("disabled"),
                rs.getObject("last_tenant_id", UUID.class), rs.getObject("password_changed_at", java.time.OffsetDateTime.class).toInstant());
    }

}
