package dev.holdfast.accounts.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.holdfast.activity.UsageLog;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Ends a session at its absolute lifetime (default 12 h) however active it is; idle expiry is Spring Session's. */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final Duration absoluteLifetime;
    private final UsageLog usage;

    SessionLifetimeFilter(Duration absoluteLifetime, UsageLog usage) {
        this.absoluteLifetime = absoluteLifetime;
        this.usage = usage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LoginHandlers.STARTED_ATTRIBUTE) instanceof Long started
                && System.currentTimeMillis() - started > absoluteLifetime.toMillis()) {
            usage.sessionEnded(LoginHandlers.sessionKey(session.getId()), "absolute lifetime");
            session.invalidate();
            SecurityContextHolder.clearContext();
            if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
