package dev.holdfast.activity.usage;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint with a path variable. It plays the accounts module's part: it puts the acting user and
 * the company on the request as attributes, taken from test headers.
 */
@RestController
class RequestLogProbeController {

    @GetMapping("/test/activity/items/{id}")
    Map<String, String> item(@PathVariable String id, @RequestHeader(name = "X-Test-Tenant", required = false) @Nullable UUID tenant,
            @RequestHeader(name = "X-Test-User", required = false) @Nullable UUID user, HttpServletRequest request) {
        if (tenant != null) {
            request.setAttribute(RequestLogFilter.TENANT_ATTRIBUTE, tenant);
        }
        if (user != null) {
            request.setAttribute(CurrentActor.REQUEST_ATTRIBUTE, Actor.user(user, "probe@example.test"));
        }
        return Map.of("id", id);
    }
}
