/**
 * Procurement: vendors (suppliers) and their audits, contracts, software licences with their seats, and the
 * warranty overview of the assets. Owns the alert sources for licence capacity and expiry, contract renewals and
 * overdue vendor audits (see {@link dev.holdfast.notifications.AlertSource}).
 */
@NullMarked
@ApplicationModule(displayName = "Procurement", allowedDependencies = {"platform", "activity", "notifications",
    "inventory"})
package dev.holdfast.procurement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
