package dev.holdfast.accounts.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.AccountsRateLimits;
import dev.holdfast.platform.RateLimiter;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/** Limits form logins (POST /login) per client IP and per account before any password is checked. */
class LoginRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final AccountsRateLimits limits;

    LoginRateLimitFilter(RateLimiter limiter, AccountsRateLimits limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter("email");
        Duration wait = limiter.tryConsume(limits.loginPerIp(), request.getRemoteAddr());
        if (wait.isZero() && email != null && !email.isBlank()) {
            wait = limiter.tryConsume(limits.loginPerAccount(), email.trim().toLowerCase(Locale.ROOT));
        }
        if (!wait.isZero()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
            response.sendError(429);
            return;
        }
        chain.doFilter(request, response);
    }
}
