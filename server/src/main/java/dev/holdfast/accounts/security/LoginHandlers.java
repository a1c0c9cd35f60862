package dev.holdfast.accounts.security;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.holdfast.accounts.domain.SecretTokens;
import dev.holdfast.accounts.domain.UserStore;
import dev.holdfast.activity.UsageLog;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** What happens around a form login and logout: company choice, session facts, usage log. */
@Component
class LoginHandlers {

    static final String STARTED_ATTRIBUTE = "holdfast.startedAt";
    static final String IP_ATTRIBUTE = "holdfast.ip";
    static final String AGENT_ATTRIBUTE = "holdfast.userAgent";

    private final MembershipResolver resolver;
    private final UserStore users;
    private final UsageLog usage;

    LoginHandlers(MembershipResolver resolver, UserStore users, UsageLog usage) {
        this.resolver = resolver;
        this.users = users;
        this.usage = usage;
    }

    SavedRequestAwareAuthenticationSuccessHandler success() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws ServletException, IOException {
                HoldfastUserDetails user = (HoldfastUserDetails) authentication.getPrincipal();
                UUID last = users.find(user.id()).map(u -> u.lastTenantId()).orElse(null);
                UUID company = resolver.initialCompany(user.id(), user.email(), last);
                HttpSession session = request.getSession();
                session.setAttribute(RequestBindingFilter.COMPANY_ATTRIBUTE, company);
                session.setAttribute(STARTED_ATTRIBUTE, System.currentTimeMillis());
                session.setAttribute(IP_ATTRIBUTE, request.getRemoteAddr());
                String agent = request.getHeader(HttpHeaders.USER_AGENT);
                session.setAttribute(AGENT_ATTRIBUTE, agent == null ? "" : agent.substring(0, Math.min(300, agent.length())));
                usage.loginAttempt(user.id(), company, true, "password");
                usage.sessionStarted(sessionKey(session.getId()), user.id(), company);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            usage.loginAttempt(null, null, false, exception instanceof DisabledException ? "disabled" : "bad credentials");
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    LogoutHandler logout() {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null) {
                usage.sessionEnded(sessionKey(session.getId()), "logout");
            }
        };
    }

    static String sessionKey(String sessionId) {
        return SecretTokens.hash(sessionId);
    }
}
