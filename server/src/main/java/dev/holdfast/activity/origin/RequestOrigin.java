package dev.holdfast.activity.origin;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client address, user agent and request id of an HTTP request. The address is the one the container
 * reports, which honours {@code X-Forwarded-For} only behind a configured proxy
 * ({@code server.forward-headers-strategy}). Personal data: stored in activity tables, never logged.
 */
public record RequestOrigin(@Nullable String ip, @Nullable String userAgent, @Nullable String requestId) {

    public static final RequestOrigin NONE = new RequestOrigin(null, null, null);

    /** Set by the platform's request id filter (read by name: that filter is internal to the platform). */
    static final String REQUEST_ID_ATTRIBUTE = "dev.holdfast.platform.web.RequestIdFilter.id";
    static final int MAX_USER_AGENT = 512;
    static final int MAX_REQUEST_ID = 64;

    /** The origin of the request bound to the current thread, or {@link #NONE} (jobs, event listeners). */
    public static RequestOrigin current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        return NONE;
    }

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), clip(request.getHeader("User-Agent"), MAX_USER_AGENT),
                clip(requestId(request), MAX_REQUEST_ID));
    }

    public static @Nullable String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID_ATTRIBUTE);
        return id == null || id.toString().isEmpty() ? null : id.toString();
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
