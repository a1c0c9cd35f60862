package dev.holdfast.procurement.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Runs before every procurement page handler: only members of the current company get in (403 otherwise);
 * templates learn whether to show write buttons ({@code canWrite}) and admin settings ({@code canAdmin}).
 */
@ControllerAdvice(assignableTypes = {VendorPages.class, ContractPages.class, LicensePages.class, WarrantyPages.class})
class ProcurementPageModel {

    @ModelAttribute
    void access(Model model) {
        Roles.requireMember();
        model.addAttribute("canWrite", Roles.isManager());
        model.addAttribute("canAdmin", Roles.isAdmin());
    }
}
