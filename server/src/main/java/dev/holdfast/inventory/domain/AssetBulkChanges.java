package dev.holdfast.inventory.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;

import dev.holdfast.platform.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One change (status, location, …) applied to many assets at once: all or none, each in the asset's history. */
@Service
public class AssetBulkChanges {

    /** The most assets one bulk change may touch. */
    public static final int MAX = 1000;

    private final Assets assets;

    AssetBulkChanges(Assets assets) {
        this.assets = assets;
    }

    /** Applies {@code changes} to every asset of {@code ids}; an unknown id fails the whole change (404). */
    @Transactional
    public int apply(Collection<UUID> ids, AssetChanges changes) {
        LinkedHashSet<UUID> unique = new LinkedHashSet<>(ids);
        if (unique.isEmpty()) {
            throw ProblemException.invalid("ids", "select at least one asset");
        }
        if (unique.size() > MAX) {
            throw ProblemException.invalid("ids", "at most " + MAX + " assets at once");
        }
        if (changes.isEmpty()) {
            throw ProblemException.invalid("change", "choose what to change");
        }
        for (UUID id : unique) {
            assets.update(id, changes);
        }
        return unique.size();
    }
}
