package dev.holdfast.inventory;

import java.util.UUID;

/**
 * Published (synchronously, inside the deleting transaction) just before an asset or a person of the current company
 * is deleted, while the rows of other modules that refer to it — and go with it, ON DELETE CASCADE, such as licence
 * seats — are still there. Listen with a plain {@code @EventListener} to react in the same transaction.
 */
public record SeatHolderDeleting(UUID tenantId, Holder holder, UUID id) {

    public enum Holder { ASSET, PERSON }
}
