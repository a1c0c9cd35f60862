/**
 * Activity: the audit history of every change (append-only, hash-chained per company, {@link
 * dev.holdfast.activity.AuditTrail}) and the usage logs — requests, login attempts, sessions — kept for a
 * limited time ({@link dev.holdfast.activity.UsageLog}).
 */
@NullMarked
@ApplicationModule(displayName = "Activity", allowedDependencies = "platform")
package dev.holdfast.activity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
