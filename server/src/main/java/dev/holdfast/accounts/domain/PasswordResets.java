package dev.holdfast.accounts.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.notifications.MailOutbox;
import dev.holdfast.notifications.OutgoingMail;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Password reset by e-mail: a single-use link valid for an hour; the same answer whether or not the address has
 * an account; every session of the user ends when the password changes.
 */
@Service
public class PasswordResets {

    private final JdbcClient jdbc;
    private final UserStore users;
    private final MembershipStore memberships;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final MailOutbox outbox;
    private final SessionRevoker sessions;
    private final AuditTrail audit;
    private final TenantTransactions transactions;
    private final AccountsProperties properties;

    PasswordResets(JdbcClient jdbc, UserStore users, MembershipStore memberships, PasswordPolicy policy,
            PasswordEncoder encoder, MailOutbox outbox, SessionRevoker sessions, AuditTrail audit,
            TenantTransactions transactions, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.memberships = memberships;
        this.policy = policy;
        this.encoder = encoder;
        this.outbox = outbox;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Sends a link when the address has an account; does the same visible nothing otherwise. */
    @Transactional
    public void request(String email) {
        Optional<UserAccount> user = users.findByEmail(email);
        if (user.isEmpty() || user.get().disabled()) {
            return;
        }
        String token = SecretTokens.generate("pwr_");
        jdbc.sql("insert into password_resets (token_hash, user_id, expires_at) values (?, ?, ?)")
                .params(SecretTokens.hash(token), user.get().id(),
                        java.sql.Timestamp.from(Instant.now().plus(properties.passwordResetLifetime()))).update();
        String link = properties.link("/password/reset?token=" + token);
        long minutes = properties.passwordResetLifetime().toMinutes();
        outbox.enqueue(new OutgoingMail(null, "password-reset", user.get().email(), "Reset your Holdfast password",
                "Someone asked to reset the password of your Holdfast account.\n\nSet a new password (link valid for "
                        + minutes + " minutes, usable once):\n" + link
                        + "\n\nIf it was not you, ignore this e-mail; your password stays as it is.\n",
                "<p>Someone asked to reset the password of your Holdfast account.</p><p><a href=\""
                        + HtmlUtils.htmlEscape(link) + "\">Set a new password</a> (valid for " + minutes
                        + " minutes, usable once).</p><p>If it was not you, ignore this e-mail.</p>"));
    }

    public boolean valid(String token) {
        return findUser(token).isPresent();
    }

    /** Sets the new password, spends the link and ends every session of the user. */
    public void reset(String token, String newPassword) {
        UUID userId = transactions.installationWide(() -> {
            UserAccount user = findUser(token).orElseThrow(() -> ProblemException.badRequest(
                    "This reset link is invalid, used or expired; ask for a new one"));
            policy.problem(newPassword, user.email()).ifPresent(p -> {
                throw ProblemException.invalid("password", p);
            });
            users.updatePassword(user.id(), encoder.encode(newPassword));
            jdbc.sql("update password_resets set used_at = now() where user_id = ? and used_at is null")
                    .param(user.id()).update();
            return user.id();
        });
        afterPasswordChange(userId);
    }

    /** A signed-in user changing their own password. */
    public void change(UUID userId, String currentPassword, String newPassword) {
        transactions.installationWide(() -> {
            UserAccount user = users.find(userId).orElseThrow(() -> ProblemException.notFound("User"));
            if (!encoder.matches(currentPassword, user.passwordHash())) {
                throw ProblemException.invalid("currentPassword", "is not your current password");
            }
            policy.problem(newPassword, user.email()).ifPresent(p -> {
                throw ProblemException.invalid("password", p);
            });
            users.updatePassword(user.id(), encoder.encode(newPassword));
            return null;
        });
        afterPasswordChange(userId);
    }

    private void afterPasswordChange(UUID userId) {
        sessions.revokeAll(userId, "password changed");
        UserAccount user = users.find(userId).orElseThrow();
        try (var ignored = CurrentActor.enter(Actor.user(user.id(), user.email()))) {
            for (Membership m : transactions.asActor(Actor.user(user.id(), user.email()), () -> memberships.ofUser(userId))) {
                transactions.inTenant(m.tenantId(), () -> audit.record("user.password_changed", "user",
                        userId.toString(), null, Map.of("sessionsEnded", true)));
            }
        }
    }

    private Optional<UserAccount> findUser(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select user_id from password_resets where token_hash = ? and used_at is null and expires_at > now()")
                .param(SecretTokens.hash(token)).query(UUID.class).optional().flatMap(users::find)
                .filter(u -> !u.disabled());
    }
}
