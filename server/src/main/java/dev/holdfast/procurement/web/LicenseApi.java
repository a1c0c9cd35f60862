package dev.holdfast.procurement.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.procurement.domain.History;
import dev.holdfast.procurement.domain.LicenseView;
import dev.holdfast.procurement.domain.Licenses;
import dev.holdfast.procurement.domain.ListQuery;
import dev.holdfast.procurement.domain.Page;
import dev.holdfast.procurement.domain.SeatView;
import dev.holdfast.procurement.domain.Seats;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/licenses} and their seats: reading needs any role, writing Manager or more (URL rules). Licence
 * keys are shown to Managers and up only.
 */
@RestController
class LicenseApi {

    private final Licenses licenses;
    private final History history;
    private final Seats seats;

    LicenseApi(Licenses licenses, Seats seats, History history) {
        this.history = history;
        this.licenses = licenses;
        this.seats = seats;
    }

    @PostMapping("/api/v1/licenses")
    @ResponseStatus(HttpStatus.CREATED)
    LicenseView create(@RequestBody Map<String, Object> body) {
        return shown(licenses.create(body));
    }

    @GetMapping("/api/v1/licenses")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable UUID contractId,
            @RequestParam(required = false) @Nullable Integer expiringWithin,
            @RequestParam(defaultValue = "false") boolean overAllocated,
            @RequestParam(defaultValue = "createdAt") String sort,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) @Nullable String after) {
        Page<LicenseView> page = licenses.list(new ListQuery(q, sort, size, after), vendorId, contractId,
                ApiLists.days(expiringWithin, "expiringWithin"), overAllocated);
        return ApiLists.of(page.items().stream().map(LicenseApi::shown).toList(), page.next());
    }

    @GetMapping("/api/v1/licenses/{id}")
    LicenseView get(@PathVariable UUID id) {
        return shown(licenses.get(id));
    }

    @PatchMapping("/api/v1/licenses/{id}")
    LicenseView patch(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return shown(licenses.update(id, body));
    }

    @DeleteMapping("/api/v1/licenses/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        licenses.delete(id);
    }

    @GetMapping("/api/v1/licenses/{id}/seats")
    Map<String, Object> seats(@PathVariable UUID id) {
        return ApiLists.of(seats.list(id), null);
    }

    /** {@code {personId} | {assetId}} → 201 seat; 409 when all seats are taken (unless over-allocation is allowed). */
    @PostMapping("/api/v1/licenses/{id}/seats")
    @ResponseStatus(HttpStatus.CREATED)
    SeatView assign(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return seats.assign(id, body);
    }

    @DeleteMapping("/api/v1/licenses/{id}/seats/{seatId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable UUID id, @PathVariable UUID seatId) {
        seats.release(id, seatId);
    }

    static LicenseView shown(LicenseView license) {
        return Roles.isManager() ? license : license.masked();
    }

    /** The audit events of the record, newest first ({@code after}: the {@code seq} of the last one of a page). */
    @GetMapping("/api/v1/licenses/{id}/history")
    Map<String, Object> history(@PathVariable UUID id, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) @Nullable Long after) {
        licenses.get(id);
        int limit = Math.max(1, Math.min(size, 500));
        List<AuditEvent> events = history.of(History.Of.LICENSE, id, after, limit + 1);
        boolean more = events.size() > limit;
        List<AuditEvent> items = more ? events.subList(0, limit) : events;
        return ApiLists.of(items, more ? String.valueOf(items.get(items.size() - 1).seq()) : null);
    }
}
