package dev.holdfast.inventory;

import java.util.UUID;

/** A company's Locations changed (created, renamed, moved, resized or deleted): published in the changing transaction. */
public record GeofencesChanged(UUID tenantId) {
}
