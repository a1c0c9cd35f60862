package dev.holdfast.accounts.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.Role;
import dev.holdfast.accounts.domain.Invitations;
import dev.holdfast.accounts.domain.Members;
import dev.holdfast.accounts.security.SignedIn;
import dev.holdfast.platform.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company's users page (Admin and Owner): members and roles, pending invitations, invite. */
@Controller
class UsersPages {

    private final Members members;
    private final Invitations invitations;

    UsersPages(Members members, Invitations invitations) {
        this.members = members;
        this.invitations = invitations;
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("members", members.list());
        model.addAttribute("pending", invitations.pending());
        model.addAttribute("roles", Role.values());
        return "accounts/users";
    }

    @PostMapping("/users/invite")
    String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "VIEWER") String role,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SignedIn me = SignedIn.require();
        try {
            Role wanted = Role.parse(role).orElseThrow(() -> ProblemException.invalid("role", "is not a role"));
            invitations.invite(me.role(), me.userId(), email, wanted);
            redirect.addFlashAttribute("notice", "Invitation sent to " + email.trim().toLowerCase() + ".");
            return "redirect:/users";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
            model.addAttribute("inviteEmail", email);
            return users(model);
        }
    }

    @PostMapping("/users/{userId}/role")
    String changeRole(@PathVariable UUID userId, @RequestParam String role, RedirectAttributes redirect) {
        SignedIn me = SignedIn.require();
        try {
            Role wanted = Role.parse(role).orElseThrow(() -> ProblemException.invalid("role", "is not a role"));
            members.changeRole(me.role(), userId, wanted);
            redirect.addFlashAttribute("notice", "Role changed.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/users";
    }

    @PostMapping("/users/{userId}/remove")
    String remove(@PathVariable UUID userId, RedirectAttributes redirect) {
        SignedIn me = SignedIn.require();
        try {
            members.remove(me.role(), userId);
            redirect.addFlashAttribute("notice", "Member removed.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/users";
    }

    @PostMapping("/users/invitations/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        invitations.revoke(id);
        redirect.addFlashAttribute("notice", "Invitation revoked.");
        return "redirect:/users";
    }
}
