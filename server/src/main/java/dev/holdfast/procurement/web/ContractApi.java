package dev.holdfast.procurement.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.procurement.domain.History;
import dev.holdfast.procurement.domain.ContractView;
import dev.holdfast.procurement.domain.Contracts;
import dev.holdfast.procurement.domain.ListQuery;

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

/** {@code /api/v1/contracts}: reading needs any role, writing Manager or more (URL rules). */
@RestController
class ContractApi {

    private final Contracts contracts;
    private final History history;

    ContractApi(Contracts contracts, History history) {
        this.history = history;
        this.contracts = contracts;
    }

    @PostMapping("/api/v1/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    ContractView create(@RequestBody Map<String, Object> body) {
        return contracts.create(body);
    }

    @GetMapping("/api/v1/contracts")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID vendorId,
            @RequestParam(required = false) @Nullable Integer expiringWithin,
            @RequestParam(defaultValue = "createdAt") String sort,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) @Nullable String after) {
        return ApiLists.of(contracts.list(new ListQuery(q, sort, size, after), vendorId,
                ApiLists.days(expiringWithin, "expiringWithin")));
    }

    @GetMapping("/api/v1/contracts/{id}")
    ContractView get(@PathVariable UUID id) {
        return contracts.get(id);
    }

    @PatchMapping("/api/v1/contracts/{id}")
    ContractView patch(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return contracts.update(id, body);
    }

    @DeleteMapping("/api/v1/contracts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        contracts.delete(id);
    }

    /** The audit events of the record, newest first ({@code after}: the {@code seq} of the last one of a page). */
    @GetMapping("/api/v1/contracts/{id}/history")
    Map<String, Object> history(@PathVariable UUID id, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) @Nullable Long after) {
        contracts.get(id);
        int limit = Math.max(1, Math.min(size, 500));
        List<AuditEvent> events = history.of(History.Of.CONTRACT, id, after, limit + 1);
        boolean more = events.size() > limit;
        List<AuditEvent> items = more ? events.subList(0, limit) : events;
        return ApiLists.of(items, more ? String.valueOf(items.get(items.size() - 1).seq()) : null);
    }
}
