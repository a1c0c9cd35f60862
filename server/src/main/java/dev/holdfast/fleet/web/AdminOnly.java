package dev.holdfast.fleet.web;

import java.util.Set;
import java.util.UUID;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Device management is for a company's Admins and Owners. Method security is off and the role hierarchy applies
 * only to URL rules, so both authorities are checked explicitly.
 */
final class AdminOnly {

    private static final Set<String> ALLOWED = Set.of("ROLE_OWNER", "ROLE_ADMIN");

    private AdminOnly() {
    }

    static void check() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(ALLOWED::contains);
        if (!admin) {
            throw ProblemException.forbidden("Only a company's Admins and Owners manage its devices");
        }
    }

    /** The acting user's id, for "created by". */
    static @Nullable UUID userId() {
        Actor actor = CurrentActor.get();
        return actor.kind() == Actor.Kind.USER ? actor.id() : null;
    }
}
