/**
 * Fleet: collector devices — enrolment codes (shown as QR codes), device credentials ({@code hfd_} tokens,
 * {@link dev.holdfast.fleet.DeviceCaller}), pseudonymous identifiers (keyed hashes of the hardware id; set,
 * rotate, erase), the per-company BLE filter, and each device's latest health report, seen by the operator only.
 * There is deliberately nothing here that returns where a device was.
 */
@NullMarked
@ApplicationModule(displayName = "Fleet", allowedDependencies = {"platform", "activity", "accounts"})
package dev.holdfast.fleet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
