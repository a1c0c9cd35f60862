package dev.holdfast.procurement.web;

import java.util.Set;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller's role in the current company, for what URL rules cannot decide (showing licence keys, write buttons).
 * The role hierarchy applies only to URL rules, so the roles are listed.
 */
final class Roles {

    private static final Set<String> MEMBERS = Set.of("ROLE_OWNER", "ROLE_ADMIN", "ROLE_MANAGER", "ROLE_VIEWER");
    private static final Set<String> MANAGERS = Set.of("ROLE_OWNER", "ROLE_ADMIN", "ROLE_MANAGER");
    private static final Set<String> ADMINS = Set.of("ROLE_OWNER", "ROLE_ADMIN");

    private Roles() {
    }

    static boolean isManager() {
        return TenantContext.current().isPresent() && has(MANAGERS);
    }

    static boolean isAdmin() {
        return TenantContext.current().isPresent() && has(ADMINS);
    }

    static void requireMember() {
        if (TenantContext.current().isEmpty() || !has(MEMBERS)) {
            throw ProblemException.forbidden("Only members of a company see its procurement records");
        }
    }

    static void requireManager() {
        requireMember();
        if (!has(MANAGERS)) {
            throw ProblemException.forbidden("Changing procurement records needs the Manager role or more");
        }
    }

    static void requireAdmin() {
        requireMember();
        if (!has(ADMINS)) {
            throw ProblemException.forbidden("Changing procurement settings needs the Admin role or more");
        }
    }

    private static boolean has(Set<String> wanted) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            if (wanted.contains(a.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
