package dev.holdfast.inventory.web;

import java.util.Map;
import java.util.UUID;

import dev.holdfast.inventory.domain.CustomFields;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The custom fields of a category: {@code /api/v1/categories/{id}/fields}. */
@RestController
class CustomFieldApi {

    private final CustomFields fields;

    CustomFieldApi(CustomFields fields) {
        this.fields = fields;
    }

    @GetMapping("/api/v1/categories/{categoryId}/fields")
    Map<String, Object> list(@PathVariable UUID categoryId) {
        return AssetApi.page(fields.of(categoryId), null);
    }

    @PostMapping("/api/v1/categories/{categoryId}/fields")
    @ResponseStatus(HttpStatus.CREATED)
    CustomFields.Definition define(@PathVariable UUID categoryId, @RequestBody Map<String, Object> body) {
        return fields.define(categoryId, body);
    }

    @PatchMapping("/api/v1/categories/{categoryId}/fields/{fieldId}")
    CustomFields.Definition change(@PathVariable UUID categoryId, @PathVariable UUID fieldId,
            @RequestBody Map<String, Object> body) {
        return fields.change(categoryId, fieldId, body);
    }

    @DeleteMapping("/api/v1/categories/{categoryId}/fields/{fieldId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID categoryId, @PathVariable UUID fieldId) {
        fields.remove(categoryId, fieldId);
    }
}
