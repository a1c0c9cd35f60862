package dev.holdfast.accounts.domain;

import java.time.Instant;
import java.util.UUID;

public record Company(UUID id, String name, String status, Instant createdAt, long members) {
}
