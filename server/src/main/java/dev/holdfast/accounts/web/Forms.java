package dev.holdfast.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.holdfast.platform.ProblemException;

import org.springframework.ui.Model;

/** Turns a {@link ProblemException} into what a form page shows: one message and per-field messages. */
final class Forms {

    private Forms() {
    }

    static void reject(Model model, ProblemException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.errors().forEach(f -> fields.put(f.field(), f.message()));
        model.addAttribute("fieldErrors", fields);
        model.addAttribute("error", e.errors().isEmpty() ? e.getMessage() : "Please correct the fields marked below.");
    }
}
