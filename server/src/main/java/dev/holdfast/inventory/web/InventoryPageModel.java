package dev.holdfast.inventory.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Runs before every inventory page handler: only members of the current company get in (403 otherwise), and
 * templates learn whether to show write buttons ({@code canWrite}).
 */
@ControllerAdvice(assignableTypes = {AssetListPages.class, AssetPages.class, AssetFormPages.class,
    ReferencePages.class, AssetWorkPages.class, AssetCsvPages.class})
class InventoryPageModel {

    @ModelAttribute
    void access(Model model) {
        PageAccess.requireMember();
        model.addAttribute("canWrite", PageAccess.canWrite());
    }
}
