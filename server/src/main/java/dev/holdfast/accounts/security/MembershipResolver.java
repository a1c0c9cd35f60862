package dev.holdfast.accounts.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.accounts.domain.Membership;
import dev.holdfast.accounts.domain.MembershipStore;
import dev.holdfast.accounts.domain.UserStore;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.TenantTransactions;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the per-request {@link SignedIn} from a user and the company they want to act in. */
@Component
class MembershipResolver {

    private final MembershipStore memberships;
    private final UserStore users;
    private final TenantTransactions transactions;

    MembershipResolver(MembershipStore memberships, UserStore users, TenantTransactions transactions) {
        this.memberships = memberships;
        this.users = users;
        this.transactions = transactions;
    }

    /** Empty when the user no longer exists or is disabled. */
    Optional<SignedIn> resolve(UUID userId, @Nullable UUID wantedTenant, boolean viaToken) {
        return users.find(userId).filter(u -> !u.disabled()).map(account -> {
            HoldfastUserDetails user = new HoldfastUserDetails(account);
            user.eraseCredentials();
            if (wantedTenant == null) {
                return new SignedIn(user, null, null, null, viaToken);
            }
            Optional<Membership> m = transactions.inTenant(wantedTenant,
                    () -> memberships.find(wantedTenant, userId));
            return m.filter(Membership::active)
                    .map(x -> new SignedIn(user, x.tenantId(), x.companyName(), x.role(), viaToken))
                    .orElseGet(() -> new SignedIn(user, null, null, null, viaToken));
        });
    }

    List<Membership> membershipsOf(UUID userId, String email) {
        return transactions.asActor(Actor.user(userId, email), () -> memberships.ofUser(userId));
    }

    /** The company a fresh login starts in: the last one used if still a member, else the first. */
    @Nullable UUID initialCompany(UUID userId, String email, @Nullable UUID last) {
        List<Membership> all = membershipsOf(userId, email).stream().filter(Membership::active).toList();
        return all.stream().filter(m -> m.tenantId().equals(last)).findFirst()
                .or(() -> all.stream().findFirst()).map(Membership::tenantId).orElse(null);
    }
}
