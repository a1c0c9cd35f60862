package dev.holdfast.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Figures about the current company's inventory for its dashboard. Call with the company in TenantContext. */
public interface InventoryOverview {

    /** A name (status label or category; "None" for assets without one) with its number of assets, largest first. */
    record Count(String name, long assets) {
    }

    /** An asset whose warranty ends on {@code endsOn}. */
    record WarrantyEnd(UUID assetId, String assetTag, String name, LocalDate endsOn) {
    }

    long totalAssets();

    List<Count> countsByStatus();

    List<Count> countsByCategory();

    /** How many warranties end from {@code today} to {@code today + days} (inclusive). */
    long warrantiesEnding(LocalDate today, int days);

    /** The first {@code limit} of those, soonest first. */
    List<WarrantyEnd> warrantiesEndingSoonest(LocalDate today, int days, int limit);

    /** Assets whose next physical audit is due on or before {@code today}. */
    long auditsDue(LocalDate today);
}
