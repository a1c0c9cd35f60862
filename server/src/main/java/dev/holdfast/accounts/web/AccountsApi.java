package dev.holdfast.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.accounts.AccountsRateLimits;
import dev.holdfast.accounts.Role;
import dev.holdfast.accounts.domain.ApiTokens;
import dev.holdfast.accounts.domain.Emails;
import dev.holdfast.accounts.domain.Invitations;
import dev.holdfast.accounts.domain.Membership;
import dev.holdfast.accounts.domain.MembershipStore;
import dev.holdfast.accounts.domain.Signup;
import dev.holdfast.accounts.domain.UserAccount;
import dev.holdfast.accounts.domain.UserStore;
import dev.holdfast.accounts.security.SignedIn;
import dev.holdfast.activity.UsageLog;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.RateLimiter;
import dev.holdfast.platform.TenantTransactions;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Accounts part of the API contract: sign-up, tokens, me, invitations. */
@RestController
class AccountsApi {

    record SignupRequest(@Nullable String company, @Nullable String name, @Nullable String email,
            @Nullable String password) {
        @Override
        public String toString() {
            return "SignupRequest[redacted]";
        }
    }

    record SignupResponse(UUID tenantId, UUID userId) {
    }

    record TokenRequest(@Nullable String email, @Nullable String password, @Nullable String name,
            @Nullable UUID tenantId, @Nullable Instant expiresAt) {
        @Override
        public String toString() {
            return "TokenRequest[redacted]";
        }
    }

    record TokenResponse(String token, UUID tenantId, Instant expiresAt) {
        @Override
        public String toString() {
            return "TokenResponse[redacted]";
        }
    }

    record Me(Map<String, Object> user, @Nullable Map<String, Object> tenant, @Nullable Role role) {
    }

    record InvitationRequest(@Nullable String email, @Nullable String role) {
    }

    record InvitationResponse(UUID id, String email, Role role, Instant createdAt, Instant expiresAt) {
    }

    private final Signup signup;
    private final MembershipStore memberships;
    private final UserStore users;
    private final ApiTokens tokens;
    private final Invitations invitations;
    private final PasswordEncoder encoder;
    private final RateLimiter limiter;
    private final AccountsRateLimits limits;
    private final AccountsProperties properties;
    private final TenantTransactions transactions;
    private final UsageLog usage;
    /** A hash of a random string, checked when the account does not exist so both answers take as long. */
    private final String dummyHash;

    AccountsApi(Signup signup, MembershipStore memberships, UserStore users, ApiTokens tokens, Invitations invitations, PasswordEncoder encoder,
            RateLimiter limiter, AccountsRateLimits limits, AccountsProperties properties,
            TenantTransactions transactions, UsageLog usage) {
        this.signup = signup;
        this.memberships = memberships;
        this.users = users;
        this.tokens = tokens;
        this.invitations = invitations;
        this.encoder = encoder;
        this.limiter = limiter;
        this.limits = limits;
        this.properties = properties;
        this.transactions = transactions;
        this.usage = usage;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @PostMapping("/api/v1/signup")
    @ResponseStatus(HttpStatus.CREATED)
    SignupResponse signup(@RequestBody SignupRequest body, HttpServletRequest request) {
        limiter.consume(limits.signupPerIp(), request.getRemoteAddr());
        Signup.Result result = signup.signup(orEmpty(body.company()), orEmpty(body.name()), orEmpty(body.email()),
                orEmpty(body.password()));
        return new SignupResponse(result.tenantId(), result.userId());
    }

    /** Same 401 whether or not the address exists; a dummy hash check keeps the timing alike too. */
    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse token(@RequestBody TokenRequest body, HttpServletRequest request) {
        String email = Emails.normalize(orEmpty(body.email()));
        limiter.consume(limits.loginPerIp(), request.getRemoteAddr());
        if (!email.isEmpty()) {
            limiter.consume(limits.loginPerAccount(), email);
        }
        Optional<UserAccount> user = users.findByEmail(email).filter(u -> !u.disabled());
        boolean ok = encoder.matches(orEmpty(body.password()),
                user.map(UserAccount::passwordHash).orElse(dummyHash)) && user.isPresent();
        if (!ok) {
            usage.loginAttempt(null, null, false, "bad credentials (token)");
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Wrong e-mail address or password");
        }
        UserAccount account = user.get();
        List<Membership> mine = transactions.asActor(Actor.user(account.id(), account.email()),
                () -> memberships.ofUser(account.id())).stream().filter(Membership::active).toList();
        Membership chosen = (body.tenantId() == null
                ? mine.stream().filter(m -> m.tenantId().equals(account.lastTenantId())).findFirst()
                        .or(() -> mine.stream().findFirst())
                : mine.stream().filter(m -> m.tenantId().equals(body.tenantId())).findFirst())
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, body.tenantId() == null
                        ? "This account is not a member of any active company"
                        : "This account is not a member of that company"));
        Instant expires = body.expiresAt() != null ? body.expiresAt()
                : Instant.now().plus(properties.apiTokenDefaultLifetime());
        ApiTokens.Created created;
        try (var who = CurrentActor.enter(Actor.user(account.id(), account.email()))) {
            created = transactions.inTenant(chosen.tenantId(), () ->
                    tokens.create(account.id(), body.name() == null ? "API" : body.name(), expires));
        }
        usage.loginAttempt(account.id(), chosen.tenantId(), true, "token");
        return new TokenResponse(created.token(), chosen.tenantId(), created.expiresAt());
    }

    @GetMapping("/api/v1/me")
    Me me() {
        SignedIn me = SignedIn.require();
        Map<String, Object> user = Map.of("id", me.userId(), "email", me.email(), "name", me.name());
        Map<String, Object> tenant = me.tenantId() == null ? null
                : Map.of("id", me.tenantId(), "name", me.companyName() == null ? "" : me.companyName());
        return new Me(user, tenant, me.role());
    }

    @PostMapping("/api/v1/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(@RequestBody InvitationRequest body) {
        SignedIn me = SignedIn.require();
        Role role = Role.parse(orEmpty(body.role())).orElseThrow(() ->
                ProblemException.invalid("role", "must be one of OWNER, ADMIN, MANAGER, VIEWER"));
        UUID id = invitations.invite(me.role(), me.userId(), orEmpty(body.email()), role);
        return invitations.pending().stream().filter(p -> p.id().equals(id)).findFirst()
                .map(p -> new InvitationResponse(p.id(), p.email(), p.role(), p.createdAt(), p.expiresAt()))
                .orElseThrow();
    }

    @GetMapping("/api/v1/invitations")
    Map<String, Object> pending() {
        List<InvitationResponse> items = invitations.pending().stream()
                .map(p -> new InvitationResponse(p.id(), p.email(), p.role(), p.createdAt(), p.expiresAt())).toList();
        Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("items", items);
        page.put("next", null);
        return page;
    }

    @DeleteMapping("/api/v1/invitations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        invitations.revoke(id);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

}
