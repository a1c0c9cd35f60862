package dev.holdfast.accounts.domain;

import java.time.Instant;
import java.util.UUID;

import dev.holdfast.accounts.Role;

/** A row of a company's users page. */
public record Member(UUID userId, String name, String email, Role role, Instant since) {
}
