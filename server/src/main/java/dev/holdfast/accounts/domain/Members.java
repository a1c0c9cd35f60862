package dev.holdfast.accounts.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.accounts.Role;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current company's members: list, change role, remove — never leaving it without an Owner. */
@Service
public class Members {

    private final MembershipStore memberships;
    private final AuditTrail audit;

    Members(MembershipStore memberships, AuditTrail audit) {
        this.memberships = memberships;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Member> list() {
        return memberships.members(TenantContext.require());
    }

    /** {@code actorRole} is the caller's role: only an Owner may make or unmake Owners. */
    @Transactional
    public void changeRole(Role actorRole, UUID userId, Role newRole) {
        UUID tenant = TenantContext.require();
        Membership current = memberships.find(tenant, userId).orElseThrow(() -> ProblemException.notFound("Member"));
        if (current.role() == newRole) {
            return;
        }
        if ((newRole == Role.OWNER || current.role() == Role.OWNER) && actorRole != Role.OWNER) {
            throw ProblemException.forbidden("Only an Owner can grant or take away the Owner role");
        }
        if (current.role() == Role.OWNER && memberships.lockAndCountOwners(tenant) <= 1) {
            throw ProblemException.conflict("The company's last Owner cannot be demoted; make someone else Owner first");
        }
        memberships.updateRole(tenant, userId, newRole);
        audit.record("member.role_changed", "user", userId.toString(), Map.of("role", current.role().name()),
                Map.of("role", newRole.name()));
    }

    @Transactional
    public void remove(Role actorRole, UUID userId) {
        UUID tenant = TenantContext.require();
        Membership current = memberships.find(tenant, userId).orElseThrow(() -> ProblemException.notFound("Member"));
        if (current.role() == Role.OWNER) {
            if (actorRole != Role.OWNER) {
                throw ProblemException.forbidden("Only an Owner can remove an Owner");
            }
            if (memberships.lockAndCountOwners(tenant) <= 1) {
                throw ProblemException.conflict("The company's last Owner cannot be removed");
            }
        }
        memberships.delete(tenant, userId);
        audit.record("member.removed", "user", userId.toString(), Map.of("role", current.role().name()), null);
    }
}
