package dev.holdfast.accounts.security;

import dev.holdfast.accounts.domain.UserStore;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds a login by e-mail address (the login form's user name field). */
@Component
class AccountsUserDetailsService implements UserDetailsService {

    private final UserStore users;

    AccountsUserDetailsService(UserStore users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email).map(HoldfastUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
