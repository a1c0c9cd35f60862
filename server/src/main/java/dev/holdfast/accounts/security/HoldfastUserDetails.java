package dev.holdfast.accounts.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.holdfast.accounts.domain.UserAccount;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as kept in the server-side session. The user name is the user id (so Spring Session's
 * principal index holds ids, not e-mail addresses); the password hash is erased after authentication.
 */
public final class HoldfastUserDetails implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String email;
    private final String name;
    private final boolean operator;
    private final boolean disabled;
    private @Nullable String passwordHash;

    HoldfastUserDetails(UserAccount account) {
        this.id = account.id();
        this.email = account.email();
        this.name = account.name();
        this.operator = account.operator();
        this.disabled = account.disabled();
        this.passwordHash = account.passwordHash();
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public boolean operator() {
        return operator;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return operator ? List.of(new SimpleGrantedAuthority(SecurityConfiguration.OPERATOR_AUTHORITY)) : List.of();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return id.toString();
    }

    @Override
    public boolean isEnabled() {
        return !disabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HoldfastUserDetails d && d.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "HoldfastUserDetails[" + id + "]";
    }
}
