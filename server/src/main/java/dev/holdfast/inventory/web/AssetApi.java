package dev.holdfast.inventory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.inventory.domain.AssetChanges;
import dev.holdfast.inventory.domain.AssetQuery;
import dev.holdfast.inventory.domain.AssetView;
import dev.holdfast.inventory.domain.Assets;

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

/** The asset endpoints of API.md (Inventory). Reading needs any role; writing needs Manager or more (URL rules). */
@RestController
class AssetApi {

    private final Assets assets;

    AssetApi(Assets assets) {
        this.assets = assets;
    }

    @PostMapping("/api/v1/assets")
    @ResponseStatus(HttpStatus.CREATED)
    AssetView create(@RequestBody Map<String, Object> body) {
        return assets.create(AssetChanges.from(body, true));
    }

    @GetMapping("/api/v1/assets")
    Map<String, Object> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String location,
            @RequestParam(defaultValue = "createdAt") String sort,
            @RequestParam(defaultValue = "" + AssetQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) @Nullable String after) {
        Assets.Page page = assets.list(new AssetQuery(q, status, category, location, sort, size, after));
        return page(page.items(), page.next());
    }

    @GetMapping("/api/v1/assets/{id}")
    AssetView get(@PathVariable UUID id) {
        return assets.get(id);
    }

    @PatchMapping("/api/v1/assets/{id}")
    AssetView patch(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return assets.update(id, AssetChanges.from(body, false));
    }

    @DeleteMapping("/api/v1/assets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        assets.delete(id);
    }

    @GetMapping("/api/v1/assets/{id}/history")
    Map<String, Object> history(@PathVariable UUID id, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) @Nullable Long after) {
        int limit = Math.max(1, Math.min(size, 500));
        List<AuditEvent> events = assets.history(id, after, limit + 1);
        boolean more = events.size() > limit;
        List<AuditEvent> items = more ? events.subList(0, limit) : events;
        return page(items, more ? String.valueOf(items.get(items.size() - 1).seq()) : null);
    }

    static Map<String, Object> page(List<?> items, @Nullable String next) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", next);
        return page;
    }
}
