package dev.holdfast.accounts.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.domain.ApiTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer hf_…} on {@code /api}: a personal token stands for its user in its company. A
 * presented but unknown, expired or revoked token is answered 401 at once (no anonymous fallback).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final MembershipResolver resolver;

    ApiTokenFilter(ApiTokens tokens, MembershipResolver resolver) {
        this.tokens = tokens;
        this.resolver = resolver;
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
        if (!token.startsWith(ApiTokens.PREFIX)) {
            // not ours (device tokens are handled by the fleet module's filter)
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedIn> signedIn = tokens.authenticate(token)
                .flatMap(h -> resolver.resolve(h.userId(), h.tenantId(), true))
                .filter(s -> s.tenantId() != null);
        if (signedIn.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Invalid or expired token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
