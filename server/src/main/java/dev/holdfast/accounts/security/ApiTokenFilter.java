package dev.holdfast.accounts.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.domain.ApiTokens;
import dev.holdfast.platform.BearerTokenAuthenticator;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer …} on {@code /api}: a personal token ({@code hf_…}) stands for its user in its
 * company; other token kinds go to the {@link BearerTokenAuthenticator} that supports them (devices). A presented
 * but unknown, expired or revoked token is answered 401 at once (no anonymous fallback).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final MembershipResolver resolver;
    private final List<BearerTokenAuthenticator> others;

    ApiTokenFilter(ApiTokens tokens, MembershipResolver resolver, List<BearerTokenAuthenticator> others) {
        this.tokens = tokens;
        this.resolver = resolver;
        this.others = others;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        Optional<? extends Authentication> caller;
        if (token.startsWith(ApiTokens.PREFIX)) {
            caller = tokens.authenticate(token)
                    .flatMap(h -> resolver.resolve(h.userId(), h.tenantId(), true))
                    .filter(s -> s.tenantId() != null);
        } else {
            caller = others.stream().filter(a -> a.supports(token)).findFirst()
                    .flatMap(a -> a.authenticate(token));
        }
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Invalid or expired token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
