package dev.holdfast.procurement.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A software licence as the API and pages show it. {@code licenseKey} is sensitive: shown to Managers and up,
 * {@link #masked() masked} for everyone else. {@code overAllocated} when more seats are assigned than bought (only
 * possible where the company allows over-allocation).
 */
public record LicenseView(UUID id, String product, @Nullable UUID vendorId, @Nullable String vendorName,
        @Nullable UUID contractId, @Nullable String contractTitle, @Nullable String licenseKey, int seats, int seatsUsed,
        boolean overAllocated, @Nullable LocalDate purchaseDate, @Nullable BigDecimal purchaseCost,
        @Nullable LocalDate expiresOn, @Nullable String notes, Instant createdAt, Instant updatedAt) {

    public static final String MASK = "********";

    /** The same licence with its key hidden (null stays null, so "no key" remains visible). */
    public LicenseView masked() {
        return new LicenseView(id, product, vendorId, vendorName, contractId, contractTitle,
                licenseKey == null ? null : MASK, seats, seatsUsed, overAllocated, purchaseDate, purchaseCost, expiresOn,
                notes, createdAt, updatedAt);
    }

    public int seatsFree() {
        return Math.max(0, seats - seatsUsed);
    }
}
