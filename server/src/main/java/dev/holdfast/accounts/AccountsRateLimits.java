package dev.holdfast.accounts;

import java.time.Duration;

import dev.holdfast.platform.RateLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Limits on the doors an attacker knocks on: login and token creation, sign-up, password reset. */
@Validated
@ConfigurationProperties("holdfast.accounts.rate-limits")
public record AccountsRateLimits(
        @DefaultValue("20") int loginsPerIpPerMinute,
        @DefaultValue("10") int loginsPerAccountPer15Minutes,
        @DefaultValue("10") int signupsPerIpPerHour,
        @DefaultValue("5") int resetsPerIpPer15Minutes,
        @DefaultValue("3") int resetsPerAccountPerHour) {

    public RateLimit loginPerIp() {
        return new RateLimit("login-ip", loginsPerIpPerMinute, Duration.ofMinutes(1));
    }

    public RateLimit loginPerAccount() {
        return new RateLimit("login-account", loginsPerAccountPer15Minutes, Duration.ofMinutes(15));
    }

    public RateLimit signupPerIp() {
        return new RateLimit("signup-ip", signupsPerIpPerHour, Duration.ofHours(1));
    }

    public RateLimit resetPerIp() {
        return new RateLimit("reset-ip", resetsPerIpPer15Minutes, Duration.ofMinutes(15));
    }

    public RateLimit resetPerAccount() {
        return new RateLimit("reset-account", resetsPerAccountPerHour, Duration.ofHours(1));
    }
}
