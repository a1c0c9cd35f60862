package dev.holdfast.inventory.domain;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The CSV columns of a company's custom fields: one per distinct field key (categories may share a key), headed by
 * the field's label. A label that would read as one of the standard columns (or as another field's label) is headed
 * by the key instead, then by {@code Custom <label>}. An import recognises a column by any of these names.
 */
record CustomColumns(Map<String, String> headers, Map<String, String> keysByName) {

    static CustomColumns of(List<CustomFields.Definition> definitions) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> keysByName = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (CustomFields.Definition d : definitions) {
            if (headers.containsKey(d.key())) {
                continue;
            }
            String header = null;
            for (String candidate : List.of(d.label(), d.key(), "Custom " + d.label(), "Custom " + d.key())) {
                String k = AssetCsvColumn.key(candidate);
                if (!k.isEmpty() && AssetCsvColumn.byHeader(candidate) == null && !AssetCsvColumn.isExportOnly(candidate)
                        && !used.contains(k)) {
                    header = candidate;
                    break;
                }
            }
            if (header == null) {
                header = "Custom " + d.key() + " " + d.id();
            }
            used.add(AssetCsvColumn.key(header));
            headers.put(d.key(), header);
        }
        // names an import accepts: the header, and the key and "Custom <label>" where they are not taken
        headers.forEach((key, header) -> keysByName.put(AssetCsvColumn.key(header), key));
        for (CustomFields.Definition d : definitions) {
            for (String alias : List.of(d.key(), d.label(), "Custom " + d.label(), "Custom " + d.key())) {
                String k = AssetCsvColumn.key(alias);
                if (!k.isEmpty() && AssetCsvColumn.byHeader(alias) == null) {
                    keysByName.putIfAbsent(k, d.key());
                }
            }
        }
        return new CustomColumns(headers, keysByName);
    }

    /** The field key a header names, if any. */
    @Nullable String keyOf(String headerName) {
        return keysByName.get(AssetCsvColumn.key(headerName));
    }
}
