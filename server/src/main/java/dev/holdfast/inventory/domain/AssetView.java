package dev.holdfast.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An asset as the API and pages show it. {@code warrantyExpiresOn} is explicit or purchase date + warranty months. */
public record AssetView(UUID id, String assetTag, String name, @Nullable String serialNumber, @Nullable String description,
        @Nullable String notes, @Nullable String category, @Nullable UUID categoryId, @Nullable String manufacturer,
        @Nullable UUID manufacturerId, @Nullable String model, @Nullable UUID modelId, @Nullable String status,
        @Nullable UUID statusId, @Nullable String statusKind, @Nullable String location, @Nullable UUID locationId,
        @Nullable Assignee assignedTo, @Nullable LocalDate expectedCheckinOn, @Nullable LocalDate purchaseDate,
        @Nullable BigDecimal purchaseCost, @Nullable String orderNumber, @Nullable UUID vendorId,
        @Nullable Integer warrantyMonths, @Nullable LocalDate warrantyExpiresOn, @Nullable LocalDate endOfLifeOn,
        @Nullable LocalDate nextAuditOn, @Nullable Instant lastAuditAt, List<String> tags,
        Map<String, Object> customFields, @Nullable Instant lastSeen, Instant createdAt, Instant updatedAt) {

    /** Who or what holds the asset. */
    public record Assignee(String type, UUID id, String name) {
    }
}
