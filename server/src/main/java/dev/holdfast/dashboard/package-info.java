/**
 * The company dashboard: assets by status and category, what expires in the next 30/60/90 days, open alerts and audits
 * due — read through the inventory's {@code InventoryOverview} and the notifications' {@code OpenAlerts}.
 */
@NullMarked
@ApplicationModule(displayName = "Dashboard", allowedDependencies = {"platform", "inventory", "notifications"})
package dev.holdfast.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
