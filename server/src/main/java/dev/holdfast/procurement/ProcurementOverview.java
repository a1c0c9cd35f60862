package dev.holdfast.procurement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Figures about the current company's licences, contracts and vendors for its dashboard. Call with the company in
 * TenantContext; every method reads inside a transaction bound to it.
 */
public interface ProcurementOverview {

    /**
     * One licence, contract or vendor to look at: its name, a short detail (seats used, what happens on the date),
     * the date that matters (expiry, renewal or end, audit due; null when none) and its page.
     */
    record Item(UUID id, String name, String detail, @Nullable LocalDate on, String link) {
    }

    /** Licences expiring from {@code today} to {@code today + days} (inclusive), as {@code /licenses?expiring=days}. */
    long licensesExpiring(LocalDate today, int days);

    /**
     * Contracts whose end or renewal date falls from {@code today} to {@code today + days}, as
     * {@code /contracts?expiring=days}.
     */
    long contractsExpiring(LocalDate today, int days);

    /** The first {@code limit} licences expiring in that window, soonest first. */
    List<Item> licensesExpiringSoonest(LocalDate today, int days, int limit);

    /** The first {@code limit} contracts ending or renewing in that window, by the earlier such date. */
    List<Item> contractsExpiringSoonest(LocalDate today, int days, int limit);

    /** Licences with every seat (or more) assigned: seats used ≥ seats bought, at least one seat used. */
    long licensesAtCapacity();

    /** Of those, the ones with more seats assigned than bought ({@code /licenses?filter=over}). */
    long licensesOverAllocated();

    /** The first {@code limit} licences at or over capacity, most over-allocated first. */
    List<Item> licensesAtCapacity(int limit);

    /** Vendors whose next audit was due before {@code today} ({@code /vendors?filter=overdue}). */
    long vendorAuditsOverdue(LocalDate today);

    /** The first {@code limit} of those, longest overdue first. */
    List<Item> vendorAuditsOverdue(LocalDate today, int limit);
}
