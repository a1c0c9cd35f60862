package dev.holdfast.inventory.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.inventory.domain.AssetView;
import dev.holdfast.inventory.domain.Assets;
import dev.holdfast.inventory.domain.CustomFields;
import dev.holdfast.inventory.domain.ReferenceData;
import dev.holdfast.inventory.domain.ReferenceTable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /assets/{id}}: every field, warranty state, assignment, BLE tags, a QR code of the page's address and the
 * history; deleting after a confirmation step (Manager and up).
 */
@Controller
class AssetPages {

    static final int HISTORY = 100;

    private final Assets assets;
    private final AccountsProperties accounts;
    private final Clock clock = Clock.systemUTC();

    private final ReferenceData references;
    private final CustomFields customFields;

    AssetPages(Assets assets, AccountsProperties accounts, ReferenceData references, CustomFields customFields) {
        this.customFields = customFields;
        this.references = references;
        this.assets = assets;
        this.accounts = accounts;
    }

    @GetMapping("/assets/{id}")
    String asset(@PathVariable UUID id, Model model) {
        AssetView asset = assets.get(id);
        model.addAttribute("asset", asset);
        model.addAttribute("statusTone", AssetDisplay.statusTone(asset.statusKind()));
        model.addAttribute("warranty", AssetDisplay.warranty(asset.warrantyExpiresOn(), clock));
        model.addAttribute("history", AssetDisplay.history(assets.history(id, null, HISTORY)));
        model.addAttribute("pageUrl", accounts.link("/assets/" + id));
        List<CustomFields.Definition> definitions = asset.categoryId() == null ? List.of()
                : customFields.of(asset.categoryId());
        Map<String, String> values = new HashMap<>();
        for (CustomFields.Definition d : definitions) {
            Object v = asset.customFields().get(d.key());
            if (v != null) {
                values.put(d.key(), d.type() == CustomFields.Type.BOOLEAN ? (Boolean.parseBoolean(v.toString()) ? "Yes" : "No")
                        : AssetForm.customText(v));
            }
        }
        model.addAttribute("customFields", definitions);
        model.addAttribute("customValues", values);
        if (PageAccess.canWrite() && asset.assignedTo() == null) {
            model.addAttribute("people", references.list(ReferenceTable.PEOPLE, null, 1000, null).items());
            model.addAttribute("places", references.list(ReferenceTable.LOCATIONS, null, 1000, null).items());
        }
        return "inventory/asset";
    }

    /** The QR code of the asset page's absolute address (scanned from a label, it opens the asset). */
    @GetMapping("/assets/{id}/qr.svg")
    ResponseEntity<String> qr(@PathVariable UUID id) {
        AssetView asset = assets.get(id);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(QrCodes.svg(accounts.link("/assets/" + asset.id())));
    }

    @GetMapping("/assets/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        PageAccess.requireWriter();
        model.addAttribute("asset", assets.get(id));
        return "inventory/asset-delete";
    }

    @PostMapping("/assets/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        PageAccess.requireWriter();
        AssetView asset = assets.get(id);
        assets.delete(id);
        redirect.addFlashAttribute("notice", "Asset " + asset.assetTag() + " (" + asset.name() + ") deleted.");
        return "redirect:/assets";
    }
}
