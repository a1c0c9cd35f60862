package dev.holdfast.procurement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A vendor as the API and pages show it. {@code nextAuditDue} is one audit cadence after the last audit (after the
 * vendor was added when never audited); {@code auditOverdue} when that day has passed.
 */
public record VendorView(UUID id, String name, @Nullable String contactName, @Nullable String email,
        @Nullable String phone, @Nullable String website, @Nullable String address, @Nullable String notes,
        @Nullable Integer auditCadenceMonths, @Nullable LocalDate lastAuditOn, @Nullable String lastAuditResult,
        @Nullable LocalDate nextAuditDue, boolean auditOverdue, int contracts, int licenses, Instant createdAt,
        Instant updatedAt) {
}
