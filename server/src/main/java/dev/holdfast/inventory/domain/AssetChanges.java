package dev.holdfast.inventory.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.protocol.TagId;

import org.jspecify.annotations.Nullable;

/**
 * What a create or a partial update (PATCH) asks for, checked: only the fields present in the request, with
 * {@code null} meaning "clear it". References (category, location, …) stay as given (a name or an id) until
 * resolved inside the transaction.
 */
public final class AssetChanges {

    private static final Map<String, RefKind> REFERENCE_FIELDS = Map.of("category", RefKind.CATEGORY,
            "manufacturer", RefKind.MANUFACTURER, "model", RefKind.MODEL, "status", RefKind.STATUS,
            "location", RefKind.LOCATION);
    private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "lastSeen", "lastAuditAt",
            "categoryId", "manufacturerId", "modelId", "statusId", "statusKind", "locationId", "assignedTo");

    final Map<AssetField, @Nullable Object> fields = new EnumMap<>(AssetField.class);
    final Map<RefKind, @Nullable String> references = new EnumMap<>(RefKind.class);
    @Nullable List<TagId> tags;
    @Nullable Map<String, ?> customFields;

    private AssetChanges() {
    }

    /** Checks a request body; the first problem is answered 422 naming its field. Unknown fields are refused too. */
    public static AssetChanges from(Map<String, ?> body, boolean creating) {
        AssetChanges changes = new AssetChanges();
        for (Map.Entry<String, ?> e : body.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            AssetField field = AssetField.byJson(key);
            if (field != null) {
                changes.fields.put(field, field.parse(value));
            } else if (REFERENCE_FIELDS.containsKey(key)) {
                if (value != null && !(value instanceof String)) {
                    throw ProblemException.invalid(key, "must be a name or an id");
                }
                String text = value == null ? null : ((String) value).strip();
                changes.references.put(REFERENCE_FIELDS.get(key), text == null || text.isEmpty() ? null : text);
            } else if (key.equals("customFields")) {
                if (value != null && !(value instanceof Map<?, ?>)) {
                    throw ProblemException.invalid("customFields", "must be an object of field keys and values");
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> map = value == null ? Map.of() : (Map<String, ?>) value;
                changes.customFields = map;
            } else if (key.equals("tags")) {
                changes.tags = tags(value);
            } else if (!READ_ONLY.contains(key)) {
                throw ProblemException.invalid(key, "is not a field of an asset");
            }
        }
        if (changes.fields.containsKey(AssetField.NAME) && changes.fields.get(AssetField.NAME) == null
                || creating && !changes.fields.containsKey(AssetField.NAME)) {
            throw ProblemException.invalid("name", "is required");
        }
        return changes;
    }

    private static List<TagId> tags(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ProblemException.invalid("tags", "must be a list of tag ids");
        }
        Set<TagId> unique = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw ProblemException.invalid("tags[" + i + "]", "must be a tag id");
            }
            try {
                unique.add(TagId.parse(s));
            } catch (IllegalArgumentException bad) {
                throw ProblemException.invalid("tags[" + i + "]", bad.getMessage());
            }
        }
        return new ArrayList<>(unique);
    }

    public boolean isEmpty() {
        return fields.isEmpty() && references.isEmpty() && tags == null && customFields == null;
    }

    Optional<List<TagId>> tags() {
        return Optional.ofNullable(tags);
    }
}
