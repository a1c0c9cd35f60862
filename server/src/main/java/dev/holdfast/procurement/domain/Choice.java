package dev.holdfast.procurement.domain;

import java.util.UUID;

/** Something to pick in a form: id and display name. */
public record Choice(UUID id, String name) {
}
