package dev.holdfast.ingest.web;

import java.util.Map;
import java.util.Set;

import dev.holdfast.ingest.domain.FieldRetention;
import dev.holdfast.platform.ProblemException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PATCH /api/v1/field-data-settings} {@code {retentionDays}} for a company's Admins and Owners: how long
 * the company keeps its collectors' field data, at most the installation's retention ({@code HOLDFAST_FIELD_RETENTION}).
 * {@code retentionDays: null} goes back to the installation's.
 */
@RestController
class FieldDataSettingsApi {

    private static final Set<String> ADMINS = Set.of("ROLE_OWNER", "ROLE_ADMIN");

    private final FieldRetention retention;

    FieldDataSettingsApi(FieldRetention retention) {
        this.retention = retention;
    }

    @GetMapping("/api/v1/field-data-settings")
    FieldRetention.Settings get() {
        adminOnly();
        return retention.current();
    }

    @PatchMapping("/api/v1/field-data-settings")
    FieldRetention.Settings update(@RequestBody Map<String, Object> body) {
        adminOnly();
        return retention.update(body);
    }

    /** Method security is off and the role hierarchy applies only to URL rules: both roles are checked. */
    private static void adminOnly() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(ADMINS::contains);
        if (!admin) {
            throw ProblemException.forbidden("Only a company's Admins and Owners manage its field data settings");
        }
    }
}
