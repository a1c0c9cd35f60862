package dev.holdfast.accounts.security;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.TenantBound;
import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;

import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For every request of a signed-in caller: rebuilds the authentication with the current company and role
 * (so a removed member loses access at once), and binds tenant and actor for the rest of the request —
 * {@link TenantContext} (row-level security), {@link CurrentActor} (audit), request attributes (usage log) and
 * the log MDC (ids only).
 */
class RequestBindingFilter extends OncePerRequestFilter {

    static final String COMPANY_ATTRIBUTE = "holdfast.tenantId";
    static final String TENANT_REQUEST_ATTRIBUTE = TenantContext.class.getName();

    private final MembershipResolver resolver;

    RequestBindingFilter(MembershipResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        SignedIn signedIn = null;
        if (auth instanceof SignedIn s) {
            signedIn = s;
        } else if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof HoldfastUserDetails user) {
            HttpSession session = request.getSession(false);
            UUID wanted = session == null ? null : (UUID) session.getAttribute(COMPANY_ATTRIBUTE);
            signedIn = resolver.resolve(user.id(), wanted, false).orElse(null);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (signedIn == null) {
                if (session != null) {
                    session.invalidate(); // the account is gone or disabled
                }
            } else {
                context.setAuthentication(signedIn);
            }
            SecurityContextHolder.setContext(context);
        }
        if (signedIn == null) {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof TenantBound bound) {
                bind(bound.tenantId(), bound.actor(), request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        bind(signedIn.tenantId(), Actor.user(signedIn.userId(), signedIn.email()), request, response, chain);
    }

    private static void bind(@Nullable UUID tenantId, Actor actor, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        request.setAttribute(CurrentActor.REQUEST_ATTRIBUTE, actor);
        if (tenantId != null) {
            request.setAttribute(TENANT_REQUEST_ATTRIBUTE, tenantId);
            MDC.put("tenantId", tenantId.toString());
        }
        if (actor.id() != null) {
            MDC.put(actor.kind() == Actor.Kind.DEVICE ? "deviceId" : "userId", actor.id().toString());
        }
        try (TenantContext.Scope tenant = TenantContext.enter(tenantId);
                TenantContext.Scope who = CurrentActor.enter(actor)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("tenantId");
            MDC.remove("userId");
            MDC.remove("deviceId");
        }
    }
}
