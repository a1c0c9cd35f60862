package dev.holdfast.inventory.web;

import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.domain.ReferenceData;
import dev.holdfast.inventory.domain.ReferenceTable;
import dev.holdfast.platform.ProblemException;

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
 * CRUD for categories, manufacturers, models, locations, status labels, departments and people — one shape for all:
 * {@code GET/POST /api/v1/{kind}}, {@code GET/PATCH/DELETE /api/v1/{kind}/{id}}.
 */
@RestController
class ReferenceApi {

    private static final String KINDS = "{kind:categories|manufacturers|departments|status-labels|locations|models|people}";

    private final ReferenceData data;

    ReferenceApi(ReferenceData data) {
        this.data = data;
    }

    @GetMapping("/api/v1/" + KINDS)
    Map<String, Object> list(@PathVariable String kind, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) @Nullable String after) {
        ReferenceData.Page page = data.list(table(kind), q, size, after);
        return AssetApi.page(page.items(), page.next());
    }

    @PostMapping("/api/v1/" + KINDS)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@PathVariable String kind, @RequestBody Map<String, Object> body) {
        return data.create(table(kind), body);
    }

    @GetMapping("/api/v1/" + KINDS + "/{id}")
    Map<String, Object> get(@PathVariable String kind, @PathVariable UUID id) {
        return data.get(table(kind), id);
    }

    @PatchMapping("/api/v1/" + KINDS + "/{id}")
    Map<String, Object> update(@PathVariable String kind, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return data.update(table(kind), id, body);
    }

    @DeleteMapping("/api/v1/" + KINDS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String kind, @PathVariable UUID id) {
        data.delete(table(kind), id);
    }

    private static ReferenceTable table(String kind) {
        return ReferenceTable.byPath(kind).orElseThrow(() -> ProblemException.notFound("Resource"));
    }
}
