package dev.holdfast.accounts.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The installation-wide registry of companies (tenants). */
@Repository
public class CompanyStore {

    private final JdbcClient jdbc;

    CompanyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String name) {
        jdbc.sql("insert into companies (id, name) values (?, ?)").params(id, name).update();
    }

    public Optional<Company> find(UUID id) {
        return jdbc.sql("select id, name, status, created_at, 0 from companies where id = ?").param(id)
                .query(CompanyStore::map).optional();
    }

    /** For the operator (installation-wide transaction: member counts read every company's memberships). */
    public List<Company> page(@Nullable String afterName, @Nullable UUID afterId, int limit) {
        return jdbc.sql("""
                select c.id, c.name, c.status, c.created_at,
                       (select count(*) from memberships m where m.tenant_id = c.id)
                from companies c
                where (cast(? as text) is null or (lower(c.name), c.id) > (lower(cast(? as text)), cast(? as uuid)))
                order by lower(c.name), c.id limit ?
                """).params(afterName, afterName, afterId, limit).query(CompanyStore::map).list();
    }

    void setStatus(UUID id, String status) {
        jdbc.sql("update companies set status = ? where id = ?").params(status, id).update();
    }

    private static Company map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Company(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getLong(5));
    }
}
