package dev.holdfast.tracking.domain;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The asset a canonical tag id is registered to in one company, or null. */
public interface TagLookup {

    @Nullable UUID asset(String tagId);

    /** Whether any {@code mac:} tag is registered (else addresses need not be looked up). */
    boolean hasMacTags();
}
