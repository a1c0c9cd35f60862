package dev.holdfast.accounts.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import dev.holdfast.accounts.domain.Membership;
import dev.holdfast.accounts.domain.SessionRevoker;
import dev.holdfast.activity.UsageLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's server-side sessions in the JDBC store, found by the principal index (the user id): listed for the
 * "my sessions" page, revoked one by one or all at once (password change).
 */
@Component
public class SessionDirectory implements SessionRevoker {

    /** One session as its owner sees it. */
    public record SessionView(String id, String ip, String browser, Instant started, Instant lastSeen) {
    }

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final MembershipResolver resolver;
    private final UsageLog usage;

    SessionDirectory(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
            MembershipResolver resolver, UsageLog usage) {
        this.repository = repository;
        this.resolver = resolver;
        this.usage = usage;
    }

    /** The session store; absent only where no web server runs (then there are no sessions to end). */
    private FindByIndexNameSessionRepository<? extends Session> sessions() {
        return repository.getIfAvailable(() -> null);
    }

    public List<SessionView> list(UUID userId) {
        var sessions = sessions();
        if (sessions == null) {
            return List.of();
        }
        return sessions.findByPrincipalName(userId.toString()).values().stream().map(s -> new SessionView(s.getId(),
                String.valueOf(s.<String>getAttribute(LoginHandlers.IP_ATTRIBUTE)),
                browser(s.<String>getAttribute(LoginHandlers.AGENT_ATTRIBUTE)),
                s.getCreationTime(), s.getLastAccessedTime())).toList();
    }

    public boolean revoke(UUID userId, String sessionId) {
        var sessions = sessions();
        if (sessions == null) {
            return false;
        }
        Session s = sessions.findByPrincipalName(userId.toString()).get(sessionId);
        if (s == null) {
            return false;
        }
        usage.sessionEnded(LoginHandlers.sessionKey(sessionId), "revoked");
        sessions.deleteById(sessionId);
        return true;
    }

    @Override
    public int revokeAll(UUID userId, String reason) {
        var sessions = sessions();
        if (sessions == null) {
            return 0;
        }
        Map<String, ? extends Session> found = sessions.findByPrincipalName(userId.toString());
        found.keySet().forEach(id -> {
            usage.sessionEnded(LoginHandlers.sessionKey(id), reason);
            sessions.deleteById(id);
        });
        return found.size();
    }

    public List<Membership> membershipsOf(SignedIn me) {
        return resolver.membershipsOf(me.userId(), me.email());
    }

    public void switchCompany(HttpSession session, SignedIn me, UUID tenantId) {
        session.setAttribute(RequestBindingFilter.COMPANY_ATTRIBUTE, tenantId);
    }

    /** A short, human name for a user agent: "Firefox on Linux". */
    static String browser(String agent) {
        if (agent == null || agent.isBlank()) {
            return "Unknown browser";
        }
        String b = agent.contains("Edg/") ? "Edge" : agent.contains("Firefox/") ? "Firefox"
                : agent.contains("Chrome/") || agent.contains("Chromium/") ? "Chrome"
                : agent.contains("Safari/") ? "Safari" : agent.contains("curl/") ? "curl" : "Browser";
        String os = agent.contains("Windows") ? "Windows" : agent.contains("Android") ? "Android"
                : agent.contains("iPhone") || agent.contains("iPad") ? "iOS" : agent.contains("Mac OS") ? "macOS"
                : agent.contains("Linux") ? "Linux" : "";
        return os.isEmpty() ? b : b + " on " + os;
    }
}
