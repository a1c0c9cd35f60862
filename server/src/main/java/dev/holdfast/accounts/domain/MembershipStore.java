package dev.holdfast.accounts.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.accounts.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code memberships}: tenant rows; a user may also read their own across companies. */
@Repository
public class MembershipStore {

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's memberships in every company (needs the user as actor: policy own_memberships). */
    public List<Membership> ofUser(UUID userId) {
        return jdbc.sql("""
                select m.tenant_id, c.name, c.status, m.user_id, m.role from memberships m
                join companies c on c.id = m.tenant_id where m.user_id = ? order by c.name, c.id
                """).param(userId).query(MembershipStore::map).list();
    }

    /** In the current tenant. */
    public Optional<Membership> find(UUID tenantId, UUID userId) {
        return jdbc.sql("""
                select m.tenant_id, c.name, c.status, m.user_id, m.role from memberships m
                join companies c on c.id = m.tenant_id where m.tenant_id = ? and m.user_id = ?
                """).params(tenantId, userId).query(MembershipStore::map).optional();
    }

    public List<Member> members(UUID tenantId) {
        return jdbc.sql("""
                select u.id, u.name, u.email, m.role, m.created_at from memberships m join users u on u.id = m.user_id
                where m.tenant_id = ? order by lower(u.name), u.id
                """).param(tenantId).query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant())).list();
    }

    void insert(UUID tenantId, UUID userId, Role role) {
        jdbc.sql("insert into memberships (tenant_id, user_id, role) values (?, ?, ?)")
                .params(tenantId, userId, role.name()).update();
    }

    void updateRole(UUID tenantId, UUID userId, Role role) {
        jdbc.sql("update memberships set role = ? where tenant_id = ? and user_id = ?")
                .params(role.name(), tenantId, userId).update();
    }

    void delete(UUID tenantId, UUID userId) {
        jdbc.sql("delete from memberships where tenant_id = ? and user_id = ?").params(tenantId, userId).update();
    }

    /** Locks the company's owner rows so two concurrent demotions cannot both pass the last-owner check. */
    long lockAndCountOwners(UUID tenantId) {
        return jdbc.sql("select user_id from memberships where tenant_id = ? and role = 'OWNER' for update")
                .param(tenantId).query(UUID.class).list().size();
    }

    private static Membership map(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), Role.valueOf(rs.getString(5)));
    }
}
