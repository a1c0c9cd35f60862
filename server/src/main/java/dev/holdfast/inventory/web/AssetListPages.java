package dev.holdfast.inventory.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.inventory.domain.AssetBulkChanges;
import dev.holdfast.inventory.domain.AssetChanges;
import dev.holdfast.inventory.domain.AssetQuery;
import dev.holdfast.inventory.domain.AssetSummary;
import dev.holdfast.inventory.domain.AssetView;
import dev.holdfast.inventory.domain.Assets;
import dev.holdfast.inventory.domain.ReferenceOptions;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /assets}: search, filters, sortable columns, page size and keyset pages, refreshed in place by htmx (the
 * table alone for an htmx request, the whole page otherwise); bulk status and location changes on the rows chosen;
 * the printable label sheet; the home page's counts.
 */
@Controller
class AssetListPages {

    static final int MAX_LABELS = 500;

    private final Assets assets;
    private final AssetBulkChanges bulk;
    private final ReferenceOptions options;
    private final AssetSummary summary;
    private final AccountsProperties accounts;

    AssetListPages(Assets assets, AssetBulkChanges bulk, ReferenceOptions options, AssetSummary summary,
            AccountsProperties accounts) {
        this.assets = assets;
        this.bulk = bulk;
        this.options = options;
        this.summary = summary;
        this.accounts = accounts;
    }

    @GetMapping("/assets")
    String list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restore,
            Model model, HttpServletResponse response) {
        ListState state = ListState.of(q, status, category, location, sort, size);
        Assets.Page page;
        try {
            page = assets.list(new AssetQuery(state.q(), state.status(), state.category(), state.location(),
                    state.sort(), state.size(), after == null || after.isBlank() ? null : after));
        } catch (ProblemException e) { // a stale or hand-made cursor: start from the first page
            page = assets.list(new AssetQuery(state.q(), state.status(), state.category(), state.location(),
                    state.sort(), state.size(), null));
            after = null;
        }
        model.addAttribute("state", state);
        model.addAttribute("page", page);
        boolean firstPage = after == null || after.isBlank();
        model.addAttribute("firstPage", firstPage);
        model.addAttribute("sizes", ListState.SIZES);
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        if (htmx != null && restore == null) {
            // the address bar shows the clean list address (no empty parameters), so it can be shared or reloaded
            response.setHeader("HX-Push-Url", firstPage ? state.url() : state.next(after));
            return "inventory/assets :: results";
        }
        model.addAttribute("choices", options.all());
        model.addAttribute("empty", page.items().isEmpty() && !state.filtered() && firstPage);
        return "inventory/assets";
    }

    /** Changes the status or the location of the chosen assets (all or none). */
    @PostMapping("/assets/bulk")
    String bulk(@RequestParam(defaultValue = "") List<UUID> ids, @RequestParam(defaultValue = "") String change,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "/assets") String back, RedirectAttributes redirect) {
        PageAccess.requireWriter();
        String target = back.startsWith("/assets") && !back.startsWith("//") ? back : "/assets";
        if (change.equals("checkin")) {
            try {
                int n = bulk.checkIn(ids, null);
                redirect.addFlashAttribute("notice", n == 0 ? "None of the chosen assets was checked out."
                        : n + (n == 1 ? " asset" : " assets") + " checked in.");
                redirect.addFlashAttribute("clearSelection", true);
            } catch (ProblemException e) {
                redirect.addFlashAttribute("error", e.status().value() == 404
                        ? "Some of the chosen assets no longer exist; nothing was checked in." : e.getMessage());
            }
            return "redirect:" + target;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String what;
        switch (change) {
            case "status" -> {
                body.put("status", status);
                what = "Status";
            }
            case "location" -> {
                body.put("location", location);
                what = "Location";
            }
            default -> {
                redirect.addFlashAttribute("error", "Choose what to change: the status, the location or check in.");
                return "redirect:" + target;
            }
        }
        if (body.values().iterator().next() instanceof String s && s.isBlank()) {
            redirect.addFlashAttribute("error", "Choose the new " + what.toLowerCase() + ".");
            return "redirect:" + target;
        }
        try {
            int n = bulk.apply(ids, AssetChanges.from(body, false));
            redirect.addFlashAttribute("notice", what + " changed for " + n + (n == 1 ? " asset." : " assets."));
            redirect.addFlashAttribute("clearSelection", true);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.status().value() == 404
                    ? "Some of the chosen assets no longer exist; nothing was changed." : e.getMessage());
        }
        return "redirect:" + target;
    }

    /** A printable sheet of labels (QR code, asset tag, name) for the chosen assets; unknown ids are left out. */
    @GetMapping("/assets/labels")
    String labels(@RequestParam(defaultValue = "") List<UUID> ids, Model model) {
        if (ids.size() > MAX_LABELS) {
            throw ProblemException.badRequest("At most " + MAX_LABELS + " labels at once");
        }
        List<Label> labels = new ArrayList<>();
        for (UUID id : new java.util.LinkedHashSet<>(ids)) {
            try {
                AssetView a = assets.get(id);
                labels.add(new Label(a.assetTag(), a.name(), QrCodes.svg(accounts.link("/assets/" + a.id()))));
            } catch (ProblemException notFound) {
                // deleted meanwhile, or not this company's
            }
        }
        model.addAttribute("labels", labels);
        return "inventory/labels";
    }

    /** The home page's counts (loaded into it by htmx). */
    @GetMapping("/assets/summary")
    String summary(Model model) {
        model.addAttribute("counts", summary.counts());
        return "inventory/summary :: summary";
    }

    /** One label: the QR code is inline SVG (no request per label). */
    public record Label(String assetTag, String name, String qrSvg) {
    }
}
