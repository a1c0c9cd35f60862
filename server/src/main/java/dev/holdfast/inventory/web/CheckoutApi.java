package dev.holdfast.inventory.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.domain.AssetView;
import dev.holdfast.inventory.domain.Assets;
import dev.holdfast.inventory.domain.Checkouts;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Check-out, check-in and physical audits of assets, and the lists of what is overdue. */
@RestController
class CheckoutApi {

    record CheckoutRequest(@Nullable UUID personId, @Nullable UUID locationId, @Nullable UUID assetId,
            @Nullable LocalDate expectedCheckinOn, @Nullable String note) {
    }

    record NoteRequest(@Nullable String note, @Nullable UUID locationId) {
    }

    private final Checkouts checkouts;
    private final Assets assets;

    CheckoutApi(Checkouts checkouts, Assets assets) {
        this.checkouts = checkouts;
        this.assets = assets;
    }

    @PostMapping("/api/v1/assets/{id}/checkout")
    AssetView checkOut(@PathVariable UUID id, @RequestBody CheckoutRequest body) {
        return checkouts.checkOut(id, new Checkouts.Target(body.personId(), body.locationId(), body.assetId()),
                body.expectedCheckinOn(), note(body.note()));
    }

    @PostMapping("/api/v1/assets/{id}/checkin")
    AssetView checkIn(@PathVariable UUID id, @RequestBody(required = false) @Nullable NoteRequest body) {
        return checkouts.checkIn(id, body == null ? null : note(body.note()));
    }

    @PostMapping("/api/v1/assets/{id}/audit")
    AssetView audit(@PathVariable UUID id, @RequestBody(required = false) @Nullable NoteRequest body) {
        return checkouts.audit(id, body == null ? null : body.locationId(), body == null ? null : note(body.note()));
    }

    @GetMapping("/api/v1/assets/overdue")
    Map<String, Object> overdue(@RequestParam(defaultValue = "50") int size) {
        return AssetApi.page(views(checkouts.overdueReturns(bounded(size))), null);
    }

    @GetMapping("/api/v1/assets/audits-due")
    Map<String, Object> auditsDue(@RequestParam(defaultValue = "30") int withinDays,
            @RequestParam(defaultValue = "50") int size) {
        if (withinDays < 0 || withinDays > 3650) {
            throw ProblemException.invalid("withinDays", "must be between 0 and 3650");
        }
        return AssetApi.page(views(checkouts.auditsDue(withinDays, bounded(size))), null);
    }

    private List<AssetView> views(List<UUID> ids) {
        return ids.stream().map(assets::get).toList();
    }

    private static int bounded(int size) {
        if (size < 1 || size > 1000) {
            throw ProblemException.invalid("size", "must be between 1 and 1000");
        }
        return size;
    }

    private static @Nullable String note(@Nullable String note) {
        if (note != null && note.length() > 2000) {
            throw ProblemException.invalid("note", "must be at most 2000 characters");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }
}
