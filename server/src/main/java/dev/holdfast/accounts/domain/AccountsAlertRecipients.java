package dev.holdfast.accounts.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.notifications.AlertRecipients;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Alert recipients for the notifications module: active companies, their names, enabled members by role. */
@Component
class AccountsAlertRecipients implements AlertRecipients {

    private final JdbcClient jdbc;
    private final CompanyStore companies;
    private final AccountsProperties properties;

    AccountsAlertRecipients(JdbcClient jdbc, CompanyStore companies, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> activeCompanies() {
        return jdbc.sql("select id from companies where status = 'ACTIVE' order by id").query(UUID.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public String companyName(UUID tenantId) {
        return companies.find(tenantId).map(Company::name).orElse("your company");
    }

    @Override
    public String absoluteLink(String path) {
        return properties.link(path);
    }

    /** Inside a transaction bound to {@code tenantId} (memberships are tenant rows). */
    @Override
    @Transactional(readOnly = true)
    public List<Recipient> members(UUID tenantId, Set<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select u.id, u.email, u.name from memberships m join users u on u.id = m.user_id
                where m.tenant_id = ? and m.role = any(?) and not u.disabled order by u.id
                """).params(tenantId, roles.toArray(String[]::new))
                .query((rs, n) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }
}
