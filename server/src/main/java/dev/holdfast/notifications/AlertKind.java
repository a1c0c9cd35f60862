package dev.holdfast.notifications;
/** The alert kinds of API.md (notification `kind`). */
public enum AlertKind { WARRANTY_EXPIRING, LICENSE_CAPACITY, LICENSE_EXPIRING, CONTRACT_RENEWAL, VENDOR_AUDIT_OVERDUE, ASSET_NOT_SEEN, ASSET_AWAY }
