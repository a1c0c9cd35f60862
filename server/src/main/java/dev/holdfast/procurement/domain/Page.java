package dev.holdfast.procurement.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One keyset page of a list: the rows and the opaque cursor of the next page (null on the last). */
public record Page<T>(List<T> items, @Nullable String next) {
}
