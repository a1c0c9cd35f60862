package dev.holdfast.accounts.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.holdfast.accounts.domain.ApiTokens;
import dev.holdfast.accounts.domain.Invitations;
import dev.holdfast.accounts.domain.Membership;
import dev.holdfast.accounts.domain.PasswordResets;
import dev.holdfast.accounts.domain.UserStore;
import dev.holdfast.accounts.security.SessionDirectory;
import dev.holdfast.accounts.security.SignedIn;
import dev.holdfast.platform.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own pages: profile and password, company switch, sessions, API tokens, joining. */
@Controller
class AccountPages {

    private final SessionDirectory sessions;
    private final ApiTokens tokens;
    private final PasswordResets passwords;
    private final UserStore users;
    private final Invitations invitations;

    AccountPages(SessionDirectory sessions, ApiTokens tokens, PasswordResets passwords, UserStore users,
            Invitations invitations) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.users = users;
        this.invitations = invitations;
    }

    @GetMapping("/account")
    String account() {
        return "accounts/account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String password, Model model, HttpServletResponse response) {
        try {
            passwords.change(SignedIn.require().userId(), currentPassword, password);
            return "redirect:/login?reset";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
            return "accounts/account";
        }
    }

    /** Switches the company this session acts in; only to a company the user belongs to. */
    @PostMapping("/account/company")
    String switchCompany(@RequestParam UUID tenantId, HttpServletRequest request, RedirectAttributes redirect) {
        SignedIn me = SignedIn.require();
        List<Membership> mine = sessions.membershipsOf(me);
        Membership target = mine.stream().filter(m -> m.tenantId().equals(tenantId) && m.active()).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Company"));
        HttpSession session = request.getSession();
        sessions.switchCompany(session, me, target.tenantId());
        users.rememberCompany(me.userId(), target.tenantId());
        redirect.addFlashAttribute("notice", "You are now working in " + target.companyName() + ".");
        return "redirect:/";
    }

    @GetMapping("/account/sessions")
    String sessions(Model model, HttpServletRequest request) {
        SignedIn me = SignedIn.require();
        HttpSession current = request.getSession(false);
        model.addAttribute("sessions", sessions.list(me.userId()).stream()
                .sorted(Comparator.comparing(SessionDirectory.SessionView::lastSeen).reversed()).toList());
        model.addAttribute("currentSessionId", current == null ? "" : current.getId());
        return "accounts/sessions";
    }

    @PostMapping("/account/sessions/{id}/revoke")
    String revokeSession(@PathVariable String id, RedirectAttributes redirect) {
        if (!sessions.revoke(SignedIn.require().userId(), id)) {
            throw ProblemException.notFound("Session");
        }
        redirect.addFlashAttribute("notice", "Session ended.");
        return "redirect:/account/sessions";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        SignedIn me = SignedIn.require();
        model.addAttribute("tokens", me.tenantId() == null ? List.of() : tokens.list(me.userId()));
        model.addAttribute("defaultExpiry", LocalDate.now(ZoneOffset.UTC).plusDays(90));
        return "accounts/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) LocalDate expiresOn,
            Model model, HttpServletResponse response) {
        SignedIn me = SignedIn.require();
        try {
            if (me.tenantId() == null) {
                throw ProblemException.conflict("Join or switch to a company first: a token acts in one company");
            }
            Instant expires = (expiresOn == null ? LocalDate.now(ZoneOffset.UTC).plusDays(90) : expiresOn)
                    .atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            ApiTokens.Created created = tokens.create(me.userId(), name, expires);
            model.addAttribute("createdToken", created.token());
            model.addAttribute("createdName", name.isBlank() ? "API token" : name.trim());
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
        }
        return tokens(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(SignedIn.require().userId(), id);
        redirect.addFlashAttribute("notice", "Token revoked.");
        return "redirect:/account/tokens";
    }

    /** An invitation to an address that already has an account: accepted while signed in as it. */
    @GetMapping("/account/join/{tenantId}/{token}")
    String joinForm(@PathVariable UUID tenantId, @PathVariable String token, Model model, HttpServletResponse response) {
        return Forms.invitationPage(invitations, tenantId, token, true, model, response);
    }

    @PostMapping("/account/join/{tenantId}/{token}")
    String join(@PathVariable UUID tenantId, @PathVariable String token, HttpServletRequest request,
            RedirectAttributes redirect) {
        SignedIn me = SignedIn.require();
        var account = users.find(me.userId()).orElseThrow();
        invitations.accept(tenantId, token, account, null, null);
        sessions.switchCompany(request.getSession(), me, tenantId);
        redirect.addFlashAttribute("notice", "You joined the company.");
        return "redirect:/";
    }

}
