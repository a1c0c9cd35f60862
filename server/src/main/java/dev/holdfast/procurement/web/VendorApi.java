package dev.holdfast.procurement.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.procurement.domain.History;
import dev.holdfast.procurement.domain.ListQuery;
import dev.holdfast.procurement.domain.VendorView;
import dev.holdfast.procurement.domain.Vendors;

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

/** {@code /api/v1/vendors}: reading needs any role, writing Manager or more (URL rules). */
@RestController
class VendorApi {

    private final Vendors vendors;
    private final History history;

    VendorApi(Vendors vendors, History history) {
        this.history = history;
        this.vendors = vendors;
    }

    @PostMapping("/api/v1/vendors")
    @ResponseStatus(HttpStatus.CREATED)
    VendorView create(@RequestBody Map<String, Object> body) {
        return vendors.create(body);
    }

    @GetMapping("/api/v1/vendors")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "false") boolean auditOverdue,
            @RequestParam(defaultValue = "createdAt") String sort,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) @Nullable String after) {
        return ApiLists.of(vendors.list(new ListQuery(q, sort, size, after), auditOverdue));
    }

    @GetMapping("/api/v1/vendors/{id}")
    VendorView get(@PathVariable UUID id) {
        return vendors.get(id);
    }

    @PatchMapping("/api/v1/vendors/{id}")
    VendorView patch(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return vendors.update(id, body);
    }

    @DeleteMapping("/api/v1/vendors/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        vendors.delete(id);
    }

    /** Records an audit {@code {auditedOn?, result, notes?}}; answers the vendor with its new next due date. */
    @PostMapping("/api/v1/vendors/{id}/audits")
    @ResponseStatus(HttpStatus.CREATED)
    VendorView recordAudit(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return vendors.recordAudit(id, body);
    }

    @GetMapping("/api/v1/vendors/{id}/audits")
    Map<String, Object> audits(@PathVariable UUID id) {
        return ApiLists.of(vendors.audits(id), null);
    }

    /** The audit events of the record, newest first ({@code after}: the {@code seq} of the last one of a page). */
    @GetMapping("/api/v1/vendors/{id}/history")
    Map<String, Object> history(@PathVariable UUID id, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) @Nullable Long after) {
        vendors.get(id);
        int limit = Math.max(1, Math.min(size, 500));
        List<AuditEvent> events = history.of(History.Of.VENDOR, id, after, limit + 1);
        boolean more = events.size() > limit;
        List<AuditEvent> items = more ? events.subList(0, limit) : events;
        return ApiLists.of(items, more ? String.valueOf(items.get(items.size() - 1).seq()) : null);
    }
}
