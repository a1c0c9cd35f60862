package dev.holdfast.accounts.domain;

import dev.holdfast.accounts.AccountsProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Settings the operator changes at run time; the environment gives their defaults. */
@Component
public class InstallationSettings {

    static final String SIGNUP_OPEN = "signup_open";

    private final JdbcClient jdbc;
    private final AccountsProperties properties;

    InstallationSettings(JdbcClient jdbc, AccountsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public boolean signupOpen() {
        return jdbc.sql("select value from installation_settings where key = ?").param(SIGNUP_OPEN)
                .query(String.class).optional().map(Boolean::parseBoolean).orElse(properties.signupOpen());
    }

    public void setSignupOpen(boolean open) {
        jdbc.sql("""
                insert into installation_settings (key, value) values (?, ?)
                on conflict (key) do update set value = excluded.value, updated_at = now()
                """).params(SIGNUP_OPEN, Boolean.toString(open)).update();
    }
}
