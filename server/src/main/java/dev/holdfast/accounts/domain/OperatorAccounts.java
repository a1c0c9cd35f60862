package dev.holdfast.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.accounts.Role;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantTransactions;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The installation's operator: created on first start from HOLDFAST_ADMIN_EMAIL / HOLDFAST_ADMIN_PASSWORD, or
 * through a one-time setup link printed in the log; manages companies (list, create, suspend).
 */
@Service
public class OperatorAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorAccounts.class);

    private final JdbcClient jdbc;
    private final UserStore users;
    private final CompanyStore companies;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final TenantTransactions transactions;
    private final Invitations invitations;
    private final AuditTrail audit;
    private final AccountsProperties properties;

    OperatorAccounts(JdbcClient jdbc, UserStore users, CompanyStore companies, PasswordPolicy policy,
            PasswordEncoder encoder, TenantTransactions transactions, Invitations invitations, AuditTrail audit,
            AccountsProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.companies = companies;
        this.policy = policy;
        this.encoder = encoder;
        this.transactions = transactions;
        this.invitations = invitations;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyOperator()) {
            return;
        }
        String email = properties.adminEmail();
        String password = properties.adminPassword();
        if (email != null && !email.isBlank() && password != null && !password.isBlank()) {
            createOperator(email, "Operator", password);
            log.info("Created the operator account from HOLDFAST_ADMIN_EMAIL");
            return;
        }
        String token = SecretTokens.generate("setup_");
        jdbc.sql("insert into operator_setup_tokens (token_hash, expires_at) values (?, ?)")
                .params(SecretTokens.hash(token), java.sql.Timestamp.from(Instant.now().plus(properties.setupLinkLifetime())))
                .update();
        log.warn("No operator account yet. Create it within {} h with this one-time link: {}",
                properties.setupLinkLifetime().toHours(), properties.link("/setup?token=" + token));
    }

    public boolean setupTokenValid(String token) {
        return !users.anyOperator() && token != null && jdbc.sql(
                "select count(*) from operator_setup_tokens where token_hash = ? and used_at is null and expires_at > now()")
                .param(SecretTokens.hash(token)).query(Long.class).single() > 0;
    }

    /** Completes the setup link: creates the operator once. */
    public UserAccount completeSetup(String token, String email, String name, String password) {
        return transactions.installationWide(() -> {
            int spent = jdbc.sql("update operator_setup_tokens set used_at = now() where token_hash = ? "
                    + "and used_at is null and expires_at > now()").param(SecretTokens.hash(token == null ? "" : token)).update();
            if (spent == 0 || users.anyOperator()) {
                throw ProblemException.badRequest("This setup link is invalid, used or expired");
            }
            return createOperator(email, name, password);
        });
    }

    private UserAccount createOperator(String email, String name, String password) {
        String mail = Emails.normalize(email);
        if (!Emails.valid(mail)) {
            throw ProblemException.invalid("email", "is not a valid e-mail address");
        }
        policy.problem(password, mail).ifPresent(p -> {
            throw ProblemException.invalid("password", p);
        });
        Optional<UserAccount> existing = users.findByEmail(mail);
        if (existing.isPresent()) {
            jdbc.sql("update users set operator = true where id = ?").param(existing.get().id()).update();
            return users.find(existing.get().id()).orElseThrow();
        }
        return users.insert(mail, name == null || name.isBlank() ? "Operator" : name, encoder.encode(password), true);
    }

    public List<Company> companies(@Nullable String afterName, @Nullable UUID afterId, int limit) {
        return transactions.installationWide(() -> companies.page(afterName, afterId, limit));
    }

    /** Creates a company and invites its first Owner by e-mail. */
    public UUID createCompany(UUID operatorId, String name, String ownerEmail) {
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw ProblemException.invalid("name", "is required (at most 200 characters)");
        }
        UUID tenant = UUID.randomUUID();
        transactions.inTenant(tenant, () -> {
            companies.insert(tenant, name.trim());
            audit.record("company.created", "company", tenant.toString(), null, Map.of("name", name.trim()));
            invitations.invite(Role.OWNER, operatorId, ownerEmail, Role.OWNER);
        });
        return tenant;
    }

    public void setStatus(UUID tenantId, boolean active) {
        transactions.inTenant(tenantId, () -> {
            Company company = companies.find(tenantId).orElseThrow(() -> ProblemException.notFound("Company"));
            String status = active ? "ACTIVE" : "SUSPENDED";
            if ("CLOSED".equals(company.status())) {
                throw ProblemException.conflict("A closed company cannot be changed");
            }
            companies.setStatus(tenantId, status);
            audit.record(active ? "company.reactivated" : "company.suspended", "company", tenantId.toString(),
                    Map.of("status", company.status()), Map.of("status", status));
        });
    }
}
