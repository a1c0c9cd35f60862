package dev.holdfast.accounts.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.AccountsRateLimits;
import dev.holdfast.accounts.domain.Emails;
import dev.holdfast.accounts.domain.InstallationSettings;
import dev.holdfast.accounts.domain.Invitations;
import dev.holdfast.accounts.domain.OperatorAccounts;
import dev.holdfast.accounts.domain.PasswordResets;
import dev.holdfast.accounts.domain.Signup;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.RateLimiter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages for people who are not signed in: login, sign-up, operator setup, password reset, invitations. */
@Controller
class PublicPages {

    private final Signup signup;
    private final InstallationSettings settings;
    private final PasswordResets resets;
    private final OperatorAccounts operator;
    private final Invitations invitations;
    private final RateLimiter limiter;
    private final AccountsRateLimits limits;

    PublicPages(Signup signup, InstallationSettings settings, PasswordResets resets, OperatorAccounts operator,
            Invitations invitations, RateLimiter limiter, AccountsRateLimits limits) {
        this.signup = signup;
        this.settings = settings;
        this.resets = resets;
        this.operator = operator;
        this.invitations = invitations;
        this.limiter = limiter;
        this.limits = limits;
    }

    @GetMapping("/login")
    String login() {
        return "accounts/login";
    }

    @GetMapping("/signup")
    String signupForm(Model model, HttpServletResponse response) {
        if (!settings.signupOpen()) {
            response.setStatus(403);
            model.addAttribute("closed", true);
        }
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signup(@RequestParam(defaultValue = "") String company, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            limiter.consume(limits.signupPerIp(), request.getRemoteAddr());
            signup.signup(company, name, email, password);
            return "redirect:/login?signedUp";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
            model.addAttribute("closed", e.status().value() == 403);
            model.addAttribute("company", company);
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            return "accounts/signup";
        }
    }

    @GetMapping("/setup")
    String setupForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!operator.setupTokenValid(token)) {
            response.setStatus(404);
            model.addAttribute("invalid", true);
        }
        model.addAttribute("token", token);
        return "accounts/setup";
    }

    @PostMapping("/setup")
    String setup(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response) {
        try {
            operator.completeSetup(token, email, name, password);
            return "redirect:/login?setup";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
            model.addAttribute("token", token);
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            return "accounts/setup";
        }
    }

    @GetMapping("/password/forgot")
    String forgotForm() {
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request) {
        limiter.consume(limits.resetPerIp(), request.getRemoteAddr());
        String mail = Emails.normalize(email);
        if (!mail.isEmpty() && limiter.tryConsume(limits.resetPerAccount(), mail).isZero()) {
            resets.request(mail);
        }
        model.addAttribute("sent", true);
        return "accounts/forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!resets.valid(token)) {
            response.setStatus(404);
            model.addAttribute("invalid", true);
        }
        model.addAttribute("token", token);
        return "accounts/reset";
    }

    @PostMapping("/password/reset")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response) {
        try {
            resets.reset(token, password);
            return "redirect:/login?reset";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
            model.addAttribute("token", token);
            model.addAttribute("invalid", e.status().value() == 400);
            return "accounts/reset";
        }
    }

    @GetMapping("/join/{tenantId}/{token}")
    String join(@PathVariable UUID tenantId, @PathVariable String token, Model model, HttpServletResponse response) {
        return Forms.invitationPage(invitations, tenantId, token, false, model, response);
    }

    @PostMapping("/join/{tenantId}/{token}")
    String joinAsNewUser(@PathVariable UUID tenantId, @PathVariable String token,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletResponse response) {
        try {
            invitations.accept(tenantId, token, null, name, password);
            return "redirect:/login?joined";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
            model.addAttribute("name", name);
            String page = Forms.invitationPage(invitations, tenantId, token, false, model, response);
            response.setStatus(e.status().value());
            return page;
        }
    }
}
