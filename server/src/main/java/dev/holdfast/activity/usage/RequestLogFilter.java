package dev.holdfast.activity.usage;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.activity.origin.RequestOrigin;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Logs every request — method, route pattern, status, duration, user, company, client address — into the
 * request log. Runs right after the request id filter, before security, so the duration covers the whole
 * request; the user and company are read afterwards from the request attributes the accounts module sets.
 * Hands the entry to {@link RequestLogWriter}'s queue: the request never waits for the insert.
 *
 * <p>Requests of collector devices (uploads, telemetry) are not logged: a device is not a person using Holdfast, and
 * its requests' times and addresses, kept 90 days here, would outlive the field data they came with (30 days by
 * default, erasable per device). The fleet keeps a device's last upload; the metrics count the uploads.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLogFilter extends OncePerRequestFilter {

    /** The company of the request (a UUID), set by the accounts module. */
    static final String TENANT_ATTRIBUTE = "dev.holdfast.platform.TenantContext";
    static final String UNMATCHED = "unmatched";
    private static final String CATCH_ALL = "/**";
    private static final List<String> SKIPPED_PREFIXES = List.of("/webjars/", "/css/", "/js/", "/actuator/");
    private static final List<String> SKIPPED_PATHS = List.of("/favicon.svg", "/actuator");
    private static final int MAX_ROUTE = 200;

    private final RequestLogWriter writer;

    RequestLogFilter(RequestLogWriter writer) {
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SKIPPED_PATHS.contains(path) || SKIPPED_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant at = Instant.now();
        long started = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            // an exception escaping the chain becomes a 500 after this filter has returned
            int status = failed && response.getStatus() < 400 ? 500 : response.getStatus();
            Actor actor = request.getAttribute(CurrentActor.REQUEST_ATTRIBUTE) instanceof Actor a ? a : null;
            if (actor != null && actor.kind() == Actor.Kind.DEVICE) {
                return; // see the class comment
            }
            UUID tenant = request.getAttribute(TENANT_ATTRIBUTE) instanceof UUID t ? t : null;
            UUID user = actor != null && actor.kind() == Actor.Kind.USER ? actor.id() : null;
            writer.submit(new RequestRecord(at, tenant, user, method(request), route(request, status), status, durationMs,
                    request.getRemoteAddr(), RequestOrigin.requestId(request)));
        }
    }

    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        return method.length() <= 16 ? method : method.substring(0, 16);
    }

    /**
     * The pattern of the handler that served the request. A path nothing answers ends at the static resource
     * catch-all with a 404: that is "unmatched" too.
     */
    private static String route(HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (!(pattern instanceof String s) || s.isEmpty() || (status == 404 && s.equals(CATCH_ALL))) {
            return UNMATCHED;
        }
        return s.length() <= MAX_ROUTE ? s : s.substring(0, MAX_ROUTE);
    }
}
