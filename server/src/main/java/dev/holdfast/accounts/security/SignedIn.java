package dev.holdfast.accounts.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.accounts.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of this request, with the company it acts in and its role there. Built afresh for every request (a
 * role change or removal takes effect at once), never stored in the session.
 */
public final class SignedIn extends AbstractAuthenticationToken {

    private final HoldfastUserDetails user;
    private final @Nullable UUID tenantId;
    private final @Nullable String companyName;
    private final @Nullable Role role;
    private final boolean viaToken;

    SignedIn(HoldfastUserDetails user, @Nullable UUID tenantId, @Nullable String companyName, @Nullable Role role,
            boolean viaToken) {
        super(authorities(user, role));
        this.user = user;
        this.tenantId = tenantId;
        this.companyName = companyName;
        this.role = role;
        this.viaToken = viaToken;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(HoldfastUserDetails user, @Nullable Role role) {
        List<GrantedAuthority> list = new ArrayList<>(user.getAuthorities());
        list.add(new SimpleGrantedAuthority(SecurityConfiguration.USER_AUTHORITY));
        if (role != null) {
            list.add(new SimpleGrantedAuthority(role.authority()));
        }
        return list;
    }

    public static Optional<SignedIn> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof SignedIn s ? Optional.of(s) : Optional.empty();
    }

    public static SignedIn require() {
        return current().orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    public UUID userId() {
        return user.id();
    }

    public String email() {
        return user.email();
    }

    public String name() {
        return user.name();
    }

    public boolean operator() {
        return user.operator();
    }

    public @Nullable UUID tenantId() {
        return tenantId;
    }

    public @Nullable String companyName() {
        return companyName;
    }

    public @Nullable Role role() {
        return role;
    }

    public boolean viaToken() {
        return viaToken;
    }

    public HoldfastUserDetails user() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.getUsername();
    }
}
