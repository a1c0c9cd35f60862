package dev.holdfast.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.domain.Invitations;

import dev.holdfast.platform.ProblemException;

import org.springframework.ui.Model;

/** Turns a {@link ProblemException} into what a form page shows: one message and per-field messages. */
final class Forms {

    private Forms() {
    }

    /** The invitation page for a link: the offer, or a 404 that says the link is spent or wrong. */
    static String invitationPage(Invitations invitations, UUID tenantId, String token, boolean signedInJoin, Model model,
            HttpServletResponse response) {
        invitations.offer(tenantId, token).ifPresentOrElse(offer -> model.addAttribute("offer", offer), () -> {
            response.setStatus(404);
            model.addAttribute("invalid", true);
        });
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("token", token);
        model.addAttribute("signedInJoin", signedInJoin);
        return "accounts/join";
    }

    static void reject(Model model, ProblemException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.errors().forEach(f -> fields.put(f.field(), f.message()));
        model.addAttribute("fieldErrors", fields);
        model.addAttribute("error", e.errors().isEmpty() ? e.getMessage() : "Please correct the fields marked below.");
    }
}
