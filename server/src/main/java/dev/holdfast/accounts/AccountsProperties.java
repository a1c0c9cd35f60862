package dev.holdfast.accounts;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts settings: {@code HOLDFAST_ADMIN_EMAIL}/{@code HOLDFAST_ADMIN_PASSWORD} create the operator on first
 * start; {@code HOLDFAST_SIGNUP_OPEN} is the default for open sign-up; {@code HOLDFAST_PUBLIC_URL} is the base of
 * links in e-mails; session lifetimes and token expiry.
 */
@Validated
@ConfigurationProperties("holdfast.accounts")
public record AccountsProperties(
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("false") boolean signupOpen,
        @NotNull URI publicUrl,
        @DefaultValue("30m") Duration sessionIdleTimeout,
        @DefaultValue("12h") Duration sessionAbsoluteLifetime,
        @DefaultValue("90d") Duration apiTokenDefaultLifetime,
        @DefaultValue("7d") Duration invitationLifetime,
        @DefaultValue("1h") Duration passwordResetLifetime,
        @DefaultValue("24h") Duration setupLinkLifetime) {

    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
