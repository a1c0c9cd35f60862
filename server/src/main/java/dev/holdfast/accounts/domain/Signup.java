package dev.holdfast.accounts.domain;

import java.util.Map;
import java.util.UUID;

import dev.holdfast.accounts.Role;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates a company and its first Owner: by open sign-up, or by the operator. */
@Service
public class Signup {

    public record Result(UUID tenantId, UUID userId) {
    }

    private final UserStore users;
    private final CompanyStore companies;
    private final MembershipStore memberships;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final InstallationSettings settings;
    private final TenantTransactions transactions;
    private final AuditTrail audit;

    Signup(UserStore users, CompanyStore companies, MembershipStore memberships, PasswordPolicy policy,
            PasswordEncoder encoder, InstallationSettings settings, TenantTransactions transactions, AuditTrail audit) {
        this.users = users;
        this.companies = companies;
        this.memberships = memberships;
        this.policy = policy;
        this.encoder = encoder;
        this.settings = settings;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** Open sign-up: 403 when closed, 409 when the e-mail has an account, 422 on bad input. */
    public Result signup(String company, String name, String email, String password) {
        if (!settings.signupOpen()) {
            throw ProblemException.forbidden("Sign-up is closed on this installation; ask its operator for an invitation");
        }
        String mail = Emails.normalize(email);
        validate(company, name, mail, password);
        if (users.exists(mail)) {
            throw new ProblemException(HttpStatus.CONFLICT, "An account with this e-mail address exists; sign in instead",
                    java.util.List.of(new ProblemException.FieldProblem("email", "already has an account")), null);
        }
        UUID tenantId = UUID.randomUUID();
        try {
            return transactions.inTenant(tenantId, () -> {
                companies.insert(tenantId, company.trim());
                UserAccount user = users.insert(mail, name, encoder.encode(password), false);
                memberships.insert(tenantId, user.id(), Role.OWNER);
                users.rememberCompany(user.id(), tenantId);
                try (TenantContext.Scope ignored = CurrentActor.enter(Actor.user(user.id(), user.email()))) {
                    audit.record("company.created", "company", tenantId.toString(), null, Map.of("name", company.trim()));
                    audit.record("member.added", "user", user.id().toString(), null, Map.of("role", Role.OWNER.name()));
                }
                return new Result(tenantId, user.id());
            });
        } catch (org.springframework.dao.DuplicateKeyException race) {
            throw ProblemException.conflict("An account with this e-mail address exists; sign in instead");
        }
    }

    void validate(String company, String name, String mail, String password) {
        if (company == null || company.isBlank() || company.trim().length() > 200) {
            throw ProblemException.invalid("company", "is required (at most 200 characters)");
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw ProblemException.invalid("name", "is required (at most 200 characters)");
        }
        if (!Emails.valid(mail)) {
            throw ProblemException.invalid("email", "is not a valid e-mail address");
        }
        policy.problem(password, mail).ifPresent(p -> {
            throw ProblemException.invalid("password", p);
        });
    }
}
