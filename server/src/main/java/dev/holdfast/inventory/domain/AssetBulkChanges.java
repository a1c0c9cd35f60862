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
    private final Checkouts checkouts;

    AssetBulkChanges(Assets assets, Checkouts checkouts) {
        this.assets = assets;
        this.checkouts = checkouts;
    }

    /**
     * Checks in every checked-out asset of {@code ids} (those not checked out are skipped); an unknown id fails the
     * whole change (404). Answers how many were checked in.
     */
    @Transactional
    public int checkIn(Collection<UUID> ids, @org.jspecify.annotations.Nullable String note) {
        LinkedHashSet<UUID> unique = new LinkedHashSet<>(ids);
        if (unique.isEmpty()) {
            throw ProblemException.invalid("ids", "select at least one asset");
        }
        if (unique.size() > MAX) {
            throw ProblemException.invalid("ids", "at most " + MAX + " assets at once");
        }
        int n = 0;
        for (UUID id : unique) {
            if (assets.get(id).assignedTo() != null) {
                checkouts.checkIn(id, note);
                n++;
            }
        }
        return n;
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
