package dev.holdfast.procurement.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contract as the API and pages show it. {@code noticeDeadline} is the last day to give notice: the renewal date
 * (else the end date) minus the notice period. {@code assetIds}: the assets it covers; {@code licenses}: how many
 * licences name it.
 */
public record ContractView(UUID id, UUID vendorId, String vendorName, String title, @Nullable String number,
        @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable LocalDate renewalOn,
        @Nullable Integer noticeDays, @Nullable LocalDate noticeDeadline, boolean autoRenew, @Nullable BigDecimal value,
        @Nullable String currency, @Nullable String notes, List<UUID> assetIds, int licenses, Instant createdAt,
        Instant updatedAt) {
}
