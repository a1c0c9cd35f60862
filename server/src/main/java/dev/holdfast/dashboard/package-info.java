/**
 * The company dashboard: assets by status and category, what expires in the next 30/60/90 days, open alerts and audits
 * due, licences at capacity and overdue vendor audits — read through the inventory's {@code InventoryOverview}, the
 * procurement's {@code ProcurementOverview} and the notifications' {@code OpenAlerts}.
 */
@NullMarked
@ApplicationModule(displayName = "Dashboard", allowedDependencies = {"platform", "inventory", "notifications",
    "procurement"})
package dev.holdfast.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
