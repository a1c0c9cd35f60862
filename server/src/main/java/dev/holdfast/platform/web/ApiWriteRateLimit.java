package dev.holdfast.platform.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.RateLimit;
import dev.holdfast.platform.RateLimiter;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits writes on {@code /api} per actor: a signed-in user or a device by its id, anyone else by client IP
 * (already resolved from trusted proxies' forwarded headers by Tomcat's RemoteIpValve). Reads are free.
 * An empty bucket throws {@code ProblemException.tooManyRequests}, answered as 429 with {@code Retry-After}.
 */
class ApiWriteRateLimit implements HandlerInterceptor {

    static final String LIMIT_NAME = "api-writes";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimiter limiter;
    private final RateLimit limit;

    ApiWriteRateLimit(RateLimiter limiter, int writesPerMinute) {
        this.limiter = limiter;
        this.limit = new RateLimit(LIMIT_NAME, writesPerMinute, Duration.ofMinutes(1));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (WRITES.contains(request.getMethod())) {
            limiter.consume(limit, key(CurrentActor.get(), request));
        }
        return true;
    }

    static String key(Actor actor, HttpServletRequest request) {
        if ((actor.kind() == Actor.Kind.USER || actor.kind() == Actor.Kind.DEVICE) && actor.id() != null) {
            return actor.kind().name().toLowerCase(Locale.ROOT) + ":" + actor.id();
        }
        return "ip:" + request.getRemoteAddr();
    }
}
