package dev.holdfast.accounts.domain;

import java.util.UUID;

import dev.holdfast.accounts.Role;

/** A person's place in a company. */
public record Membership(UUID tenantId, String companyName, String companyStatus, UUID userId, Role role) {

    public boolean active() {
        return "ACTIVE".equals(companyStatus);
    }
}
