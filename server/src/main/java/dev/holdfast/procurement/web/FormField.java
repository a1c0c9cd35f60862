package dev.holdfast.procurement.web;

import java.util.List;

import dev.holdfast.procurement.domain.Choice;

import org.jspecify.annotations.Nullable;

/**
 * One input of a procurement form (rendered by {@code procurement/form.html}): its request name (the API field
 * name, so the domain's 422 lands next to it), label, HTML type ({@code text, email, url, date, number, textarea,
 * select, checkbox, password}), choices of a select and a hint.
 */
public record FormField(String name, String label, String type, boolean required, List<Choice> options,
        @Nullable String help) {

    static FormField of(String name, String label, String type) {
        return new FormField(name, label, type, false, List.of(), null);
    }

    static FormField required(String name, String label, String type) {
        return new FormField(name, label, type, true, List.of(), null);
    }

    static FormField select(String name, String label, boolean required, List<Choice> options) {
        return new FormField(name, label, "select", required, options, null);
    }

    FormField help(String text) {
        return new FormField(name, label, type, required, options, text);
    }
}
