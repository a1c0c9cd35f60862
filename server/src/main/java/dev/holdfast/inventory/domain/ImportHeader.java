package dev.holdfast.inventory.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.platform.ProblemException;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * What the header line of an import says: which column index fills which asset column, under the name the file
 * used. Unknown columns are skipped (and listed), columns without a name are skipped; a column named twice is
 * refused, as the file would not say which of the two values is meant.
 */
record ImportHeader(Map<AssetCsvColumn, Integer> index, Map<AssetCsvColumn, String> names, List<String> ignored,
        List<Integer> blank, Map<String, Integer> customIndex, Map<String, String> customNames) {

    static ImportHeader of(CSVRecord header) {
        return of(header, CustomColumns.of(List.of()));
    }

    /** The header's columns; one naming a custom field of the company (by label or key) fills that field. */
    static ImportHeader of(CSVRecord header, CustomColumns custom) {
        Map<String, Integer> customIndex = new java.util.LinkedHashMap<>();
        Map<String, String> customNames = new java.util.LinkedHashMap<>();
        Map<AssetCsvColumn, Integer> index = new EnumMap<>(AssetCsvColumn.class);
        Map<AssetCsvColumn, String> names = new EnumMap<>(AssetCsvColumn.class);
        List<String> ignored = new ArrayList<>();
        List<Integer> blank = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                blank.add(i + 1);
                continue;
            }
            AssetCsvColumn column = AssetCsvColumn.byHeader(name);
            String customKey = column == null ? custom.keyOf(name) : null;
            if (customKey != null) {
                Integer first = customIndex.putIfAbsent(customKey, i);
                if (first != null) {
                    String detail = "Columns " + (first + 1) + " (" + customNames.get(customKey) + ") and " + (i + 1)
                            + " (" + name + ") of the header are both the custom field " + customKey
                            + "; keep one of them and import again";
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, detail,
                            List.of(new ProblemException.FieldProblem(name, "appears twice in the header line")), null);
                }
                customNames.put(customKey, name);
                continue;
            }
            if (column == null) {
                if (!AssetCsvColumn.isExportOnly(name)) {
                    ignored.add(name);
                }
                continue;
            }
            Integer first = index.putIfAbsent(column, i);
            if (first != null) {
                String detail = "Columns " + (first + 1) + " (" + names.get(column) + ") and " + (i + 1) + " (" + name
                        + ") of the header are both " + column.header + "; keep one of them and import again";
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, detail,
                        List.of(new ProblemException.FieldProblem(name, "appears twice in the header line")), null);
            }
            names.put(column, name);
        }
        if (!index.containsKey(AssetCsvColumn.NAME) && !index.containsKey(AssetCsvColumn.ASSET_TAG)
                && !index.containsKey(AssetCsvColumn.MODEL)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "The first line must name the columns, with at least Name, Asset Tag or Model among them",
                    List.of(new ProblemException.FieldProblem("header", "has no Name, Asset Tag or Model column")), null);
        }
        return new ImportHeader(index, names, ignored, blank, customIndex, customNames);
    }

    /** The cell of custom field {@code key}, stripped; null when absent or empty. */
    @Nullable String customCell(CSVRecord record, String key) {
        Integer i = customIndex.get(key);
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = CsvCells.unsafeText(record.get(i)).strip();
        return value.isEmpty() ? null : value;
    }

    /** The cell of {@code column} in {@code record}, stripped; null when the column is absent or the cell empty. */
    @Nullable String cell(CSVRecord record, AssetCsvColumn column) {
        Integer i = index.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = CsvCells.unsafeText(record.get(i)).strip();
        return value.isEmpty() ? null : value;
    }

    /** The name the file gives {@code column} (for messages). */
    String name(AssetCsvColumn column) {
        return names.getOrDefault(column, column.header);
    }
}
