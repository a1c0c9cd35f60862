package dev.holdfast.notifications;
/** A company's threshold for one kind: `days` ahead (warranty, licence expiry, contract) and `percent` of seats (capacity). */
public record AlertThreshold(AlertKind kind, int days, int percent) {}
