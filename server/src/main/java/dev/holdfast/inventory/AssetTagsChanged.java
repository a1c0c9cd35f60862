package dev.holdfast.inventory;

import java.util.List;
import java.util.UUID;

/**
 * The BLE tags or trackers ({@code asset_tags}) of an asset changed: published inside the changing transaction with the
 * canonical tag ids added to it and removed from it (all of them when the asset was deleted).
 */
public record AssetTagsChanged(UUID tenantId, UUID assetId, List<String> added, List<String> removed) {

    public AssetTagsChanged {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }
}
