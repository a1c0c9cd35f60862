package dev.holdfast.accounts.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.domain.InstallationSettings;
import dev.holdfast.accounts.domain.OperatorAccounts;
import dev.holdfast.accounts.security.SignedIn;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's console: companies (list, create, suspend) and installation settings. */
@Controller
class OperatorPages {

    private static final int PAGE = 50;

    private final OperatorAccounts operator;
    private final InstallationSettings settings;

    OperatorPages(OperatorAccounts operator, InstallationSettings settings) {
        this.operator = operator;
        this.settings = settings;
    }

    @GetMapping("/operator")
    String console(@RequestParam(required = false) @Nullable String afterName,
            @RequestParam(required = false) @Nullable UUID afterId, Model model) {
        var companies = operator.companies(afterName, afterId, PAGE + 1);
        boolean more = companies.size() > PAGE;
        var page = more ? companies.subList(0, PAGE) : companies;
        model.addAttribute("companies", page);
        model.addAttribute("next", more ? page.get(page.size() - 1) : null);
        model.addAttribute("signupOpenSetting", settings.signupOpen());
        return "accounts/operator";
    }

    @PostMapping("/operator/companies")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String ownerEmail,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            operator.createCompany(SignedIn.require().userId(), name, ownerEmail);
            redirect.addFlashAttribute("notice", "Company created; its Owner has been invited by e-mail.");
            return "redirect:/operator";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Forms.reject(model, e);
            model.addAttribute("newName", name);
            model.addAttribute("newOwner", ownerEmail);
            return console(null, null, model);
        }
    }

    @PostMapping("/operator/companies/{id}/status")
    String status(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        operator.setStatus(id, active);
        redirect.addFlashAttribute("notice", active ? "Company reactivated." : "Company suspended.");
        return "redirect:/operator";
    }

    @PostMapping("/operator/settings")
    String settings(@RequestParam(defaultValue = "false") boolean signupOpen, RedirectAttributes redirect) {
        settings.setSignupOpen(signupOpen);
        redirect.addFlashAttribute("notice", signupOpen ? "Sign-up is open." : "Sign-up is closed.");
        return "redirect:/operator";
    }
}
