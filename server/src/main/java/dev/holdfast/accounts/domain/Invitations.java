package dev.holdfast.accounts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.accounts.Role;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.notifications.MailOutbox;
import dev.holdfast.notifications.OutgoingMail;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/** Invitations by e-mail with a role; a one-time link (7 days) to set a password or join with an existing account. */
@Service
public class Invitations {

    public record Pending(UUID id, String email, Role role, Instant createdAt, Instant expiresAt) {
    }

    /** What the invitee sees before accepting. */
    public record Offer(UUID tenantId, String companyName, String email, Role role, boolean accountExists) {
    }

    private final JdbcClient jdbc;
    private final CompanyStore companies;
    private final UserStore users;
    private final MembershipStore memberships;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final MailOutbox outbox;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final AccountsProperties properties;

    Invitations(JdbcClient jdbc, CompanyStore companies, UserStore users, MembershipStore memberships,
            PasswordPolicy policy, PasswordEncoder encoder, MailOutbox outbox, AuditTrail audit,
            TenantTransactions transactions, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.users = users;
        this.memberships = memberships;
        this.policy = policy;
        this.encoder = encoder;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Invites into the current company; a pending invitation to the same address is replaced. */
    @Transactional
    public UUID invite(Role inviterRole, UUID inviterId, String email, Role role) {
        UUID tenant = TenantContext.require();
        String mail = Emails.normalize(email);
        if (!Emails.valid(mail)) {
            throw ProblemException.invalid("email", "is not a valid e-mail address");
        }
        if (role == Role.OWNER && inviterRole != Role.OWNER) {
            throw ProblemException.forbidden("Only an Owner can invite another Owner");
        }
        Optional<UserAccount> existing = users.findByEmail(mail);
        if (existing.isPresent() && memberships.find(tenant, existing.get().id()).isPresent()) {
            throw ProblemException.conflict("This person is already a member of the company");
        }
        jdbc.sql("update invitations set revoked_at = now() where tenant_id = ? and email = ? "
                + "and accepted_at is null and revoked_at is null").params(tenant, mail).update();
        UUID id = UUID.randomUUID();
        String token = SecretTokens.generate("inv_");
        Instant expires = Instant.now().plus(properties.invitationLifetime());
        jdbc.sql("""
                insert into invitations (tenant_id, id, email, role, token_hash, invited_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(tenant, id, mail, role.name(), SecretTokens.hash(token), inviterId,
                java.sql.Timestamp.from(expires)).update();
        String company = companies.find(tenant).map(Company::name).orElse("your company");
        String link = properties.link("/join/" + tenant + "/" + token);
        String text = "You have been invited to join " + company + " on Holdfast as " + role.name().toLowerCase()
                + ".\n\nAccept the invitation (valid for " + properties.invitationLifetime().toDays() + " days):\n"
                + link + "\n\nIf you did not expect this, ignore this e-mail.\n";
        String html = "<p>You have been invited to join <strong>" + HtmlUtils.htmlEscape(company)
                + "</strong> on Holdfast as " + role.name().toLowerCase() + ".</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">Accept the invitation</a> (valid for "
                + properties.invitationLifetime().toDays() + " days).</p><p>If you did not expect this, ignore this e-mail.</p>";
        outbox.enqueue(new OutgoingMail(tenant, "invitation", mail, "Invitation to " + company + " on Holdfast", text, html));
        audit.record("invitation.created", "invitation", id.toString(), null, Map.of("email", mail, "role", role.name()));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Pending> pending() {
        return jdbc.sql("""
                select id, email, role, created_at, expires_at from invitations
                where tenant_id = ? and accepted_at is null and revoked_at is null and expires_at > now()
                order by created_at desc
                """).param(TenantContext.require()).query((rs, n) -> new Pending(rs.getObject(1, UUID.class),
                        rs.getString(2), Role.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant())).list();
    }

    @Transactional
    public void revoke(UUID id) {
        int n = jdbc.sql("update invitations set revoked_at = now() where tenant_id = ? and id = ? "
                + "and accepted_at is null and revoked_at is null").params(TenantContext.require(), id).update();
        if (n == 0) {
            throw ProblemException.notFound("Invitation");
        }
        audit.record("invitation.revoked", "invitation", id.toString(), null, null);
    }

    /** The offer behind a link, if the link is valid. */
    public Optional<Offer> offer(UUID tenantId, String token) {
        return transactions.inTenant(tenantId, () -> find(tenantId, token).map(row -> new Offer(tenantId,
                companies.find(tenantId).map(Company::name).orElse("?"), row.email(), row.role(),
                users.exists(row.email()))));
    }

    /**
     * Accepts: when {@code signedInUser} is given it must be the invited address's account; otherwise a new
     * account is created with {@code name} and {@code password}. Returns the user id.
     */
    public UUID accept(UUID tenantId, String token, @Nullable UserAccount signedInUser, @Nullable String name,
            @Nullable String password) {
        return transactions.inTenant(tenantId, () -> {
            Row row = find(tenantId, token).orElseThrow(() -> ProblemException.notFound("Invitation"));
            UserAccount user;
            if (signedInUser != null) {
                if (!signedInUser.email().equals(row.email())) {
                    throw ProblemException.forbidden("This invitation was sent to another e-mail address");
                }
                user = signedInUser;
            } else {
                if (users.exists(row.email())) {
                    throw ProblemException.conflict("An account exists for this address: sign in to accept");
                }
                if (name == null || name.isBlank()) {
                    throw ProblemException.invalid("name", "is required");
                }
                String pw = password == null ? "" : password;
                policy.problem(pw, row.email()).ifPresent(p -> {
                    throw ProblemException.invalid("password", p);
                });
                user = users.insert(row.email(), name, encoder.encode(pw), false);
            }
            if (memberships.find(tenantId, user.id()).isEmpty()) {
                memberships.insert(tenantId, user.id(), row.role());
            }
            jdbc.sql("update invitations set accepted_at = now() where tenant_id = ? and id = ?")
                    .params(tenantId, row.id()).update();
            users.rememberCompany(user.id(), tenantId);
            try (var ignored = dev.holdfast.platform.CurrentActor.enter(
                    dev.holdfast.platform.Actor.user(user.id(), user.email()))) {
                audit.record("member.added", "user", user.id().toString(), null,
                        Map.of("role", row.role().name(), "invitation", row.id().toString()));
            }
            return user.id();
        });
    }

    private record Row(UUID id, String email, Role role) {
    }

    private Optional<Row> find(UUID tenantId, String token) {
        return jdbc.sql("""
                select id, email, role from invitations where tenant_id = ? and token_hash = ?
                and accepted_at is null and revoked_at is null and expires_at > now()
                """).params(tenantId, SecretTokens.hash(token))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), Role.valueOf(rs.getString(3))))
                .optional();
    }
}
