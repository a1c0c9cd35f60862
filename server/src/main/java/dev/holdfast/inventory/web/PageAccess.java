package dev.holdfast.inventory.web;

import java.util.Set;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may use the inventory pages: any member of the company reads, Managers and up write. Checked in the
 * controllers (method security is off and the role hierarchy applies only to URL rules, so roles are listed).
 */
final class PageAccess {

    private static final Set<String> MEMBERS = Set.of("ROLE_OWNER", "ROLE_ADMIN", "ROLE_MANAGER", "ROLE_VIEWER");
    private static final Set<String> WRITERS = Set.of("ROLE_OWNER", "ROLE_ADMIN", "ROLE_MANAGER");

    private PageAccess() {
    }

    /** 403 unless the caller is a member of the company the request acts in. */
    static void requireMember() {
        if (TenantContext.current().isEmpty() || !has(MEMBERS)) {
            throw ProblemException.forbidden("Only members of a company see its assets");
        }
    }

    /** 403 unless the caller is a Manager, Admin or Owner of the company. */
    static void requireWriter() {
        requireMember();
        if (!has(WRITERS)) {
            throw ProblemException.forbidden("Changing assets needs the Manager role or more");
        }
    }

    static boolean canWrite() {
        return TenantContext.current().isPresent() && has(WRITERS);
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
