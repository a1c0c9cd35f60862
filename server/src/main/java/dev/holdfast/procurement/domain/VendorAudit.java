package dev.holdfast.procurement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One recorded audit of a vendor. */
public record VendorAudit(UUID id, LocalDate auditedOn, String result, @Nullable String notes, Instant recordedAt) {
}
