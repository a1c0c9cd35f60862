package dev.holdfast.inventory.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.protocol.TagId;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports assets from CSV: our own export and Snipe-IT's asset import files. Rows whose asset tag (any case) exists
 * update that asset with the cells that have a value; the others create assets. Every row is checked with the API's
 * rules ({@link AssetChanges}); a bad row is reported with the line it starts on and skipped, the good ones are
 * written in bulk (COPY into a temporary table, then one INSERT and one UPDATE). References are resolved once per
 * distinct name and created on first use, as in the API.
 */
@Service
public class AssetImport {

    /** The answer: counts, the described bad rows (line where the record starts), skipped columns, remarks. */
    public record Result(int created, int updated, int failed, List<RowError> errors, List<String> ignoredColumns,
            List<String> warnings, boolean dryRun) {
    }

    /** A row that was not imported. */
    public record RowError(long line, String message) {
    }

    static final String AUDIT_ACTION = "asset.imported";
    private static final int CHUNK = 5000;
    private static final List<AssetCsvColumn> DATES = List.of(AssetCsvColumn.PURCHASE_DATE,
            AssetCsvColumn.WARRANTY_EXPIRES_ON, AssetCsvColumn.END_OF_LIFE_ON, AssetCsvColumn.NEXT_AUDIT_ON,
            AssetCsvColumn.EXPECTED_CHECKIN_ON);

    private final AssetStore store;
    private final References references;
    private final ImportTable table;
    private final AuditTrail audit;
    private final ImportProperties properties;
    private final JdbcClient jdbc;
    private final CustomFields customFields;
    private final WarrantyChanges warranty;

    AssetImport(AssetStore store, References references, ImportTable table, AuditTrail audit,
            ImportProperties properties, JdbcClient jdbc, CustomFields customFields, WarrantyChanges warranty) {
        this.customFields = customFields;
        this.warranty = warranty;
        this.store = store;
        this.references = references;
        this.table = table;
        this.audit = audit;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** Told how far an import has got: records read of the file's total (-1 while unknown). */
    @FunctionalInterface
    public interface Progress {
        void rows(long done, long total);
    }

    /** Imports {@code csv} into the current company; {@code dryRun} answers the same but writes nothing. */
    @Transactional
    public Result run(byte[] csv, boolean dryRun) {
        return run(csv, dryRun, null);
    }

    /** As {@link #run(byte[], boolean)}, telling {@code progress} every {@value #PROGRESS_EVERY} records. */
    @Transactional
    public Result run(byte[] csv, boolean dryRun, @Nullable Progress progress) {
        CsvText text = CsvText.of(csv);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(text.delimiter()).setIgnoreEmptyLines(false).get();
        long total = progress == null ? -1 : count(text, format);
        if (progress != null) {
            progress.rows(0, total);
        }
        long done = 0;
        Run run = new Run(TenantContext.require(), dryRun);
        try (CSVParser parser = CSVParser.parse(text.reader(), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.invalid("file", "is empty: the first line must name the columns");
            }
            run.header = ImportHeader.of(records.next(), run.customColumns);
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                boolean more;
                try {
                    more = records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    run.fail(line, "this line and the rest of the file cannot be read as CSV (a quote is not closed?)");
                    break;
                }
                if (!more) {
                    break;
                }
                CSVRecord record = records.next();
                if (isBlank(record)) {
                    continue;
                }
                run.read(line, record);
                if (run.pending.size() >= CHUNK) {
                    run.stage();
                }
                if (progress != null && ++done % PROGRESS_EVERY == 0) {
                    progress.rows(done, total);
                }
            }
            run.stage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result result = run.finish();
        if (progress != null) {
            progress.rows(Math.max(done, total), Math.max(done, total));
        }
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else if (result.created() + result.updated() > 0) {
            warranty.changed();
        }
        return result;
    }

    static final int PROGRESS_EVERY = 100;

    /** The number of non-blank records after the header; -1 when the file cannot be read through. */
    private static long count(CsvText text, CSVFormat format) {
        long n = 0;
        try (CSVParser parser = CSVParser.parse(text.reader(), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (records.hasNext()) {
                records.next();
            }
            while (records.hasNext()) {
                if (!isBlank(records.next())) {
                    n++;
                }
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A read row waiting for its chunk. */
    private record Pending(long line, AssetChanges changes, @Nullable String tag, @Nullable String modelNumber,
            Map<String, String> custom) {
    }

    /** The state of one import. */
    private final class Run {

        final UUID tenant;
        final boolean dryRun;
        @Nullable ImportHeader header;
        final List<Pending> pending = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        int failed;
        int created;
        int updated;
        int supplierNames;
        final Map<String, Long> assetTags = new HashMap<>();
        final Map<String, Long> bleTags = new HashMap<>();
        final Map<String, UUID> resolved = new HashMap<>();
        final Map<UUID, String> modelNumbers = new LinkedHashMap<>();
        final Map<UUID, List<String>> tagsToSet = new LinkedHashMap<>();
        final List<UUID> createdIds = new ArrayList<>();
        final List<UUID> updatedIds = new ArrayList<>();
        final Map<UUID, List<CustomFields.Definition>> definitions = new HashMap<>();
        final CustomColumns customColumns;

        Run(UUID tenant, boolean dryRun) {
            this.tenant = tenant;
            this.dryRun = dryRun;
            List<CustomFields.Definition> all = customFields.all();
            all.forEach(d -> definitions.computeIfAbsent(d.categoryId(), c -> new ArrayList<>()).add(d));
            customColumns = CustomColumns.of(all);
            if (!dryRun) { // in a dry run they would be rolled back while References remembers them as made
                references.ensureDefaults();
            }
            table.create();
        }

        void fail(long line, String message) {
            failed++;
            if (errors.size() < properties.maxErrors()) {
                errors.add(new RowError(line, message));
            }
        }

        /** Turns the cells of a record into checked changes, or reports the first bad cell. */
        void read(long line, CSVRecord record) {
            Map<String, Object> body = new LinkedHashMap<>();
            String modelNumber = null;
            for (AssetCsvColumn column : header.index().keySet()) {
                String value = header.cell(record, column);
                if (value == null) {
                    continue;
                }
                if (column == AssetCsvColumn.MODEL_NUMBER) {
                    modelNumber = value;
                } else if (DATES.contains(column)) {
                    LocalDate date = CsvCells.date(value);
                    if (date == null) {
                        fail(line, header.name(column) + ": \"" + value + "\" is not a date (2026-01-15, 1/15/2026 or 1/15/26)");
                        return;
                    }
                    body.put(column.json, date.toString());
                } else if (column == AssetCsvColumn.PURCHASE_COST) {
                    BigDecimal amount = CsvCells.amount(value);
                    if (amount == null) {
                        fail(line, header.name(column) + ": \"" + value + "\" is not an amount");
                        return;
                    }
                    body.put(column.json, amount.toPlainString());
                } else if (column == AssetCsvColumn.WARRANTY_MONTHS) {
                    try {
                        body.put(column.json, new BigDecimal(value.replaceAll("(?i)\\s*months?$", "")));
                    } catch (NumberFormatException e) {
                        fail(line, header.name(column) + ": \"" + value + "\" is not a number of months");
                        return;
                    }
                } else if (column == AssetCsvColumn.VENDOR_ID) {
                    if (References.uuid(value).isPresent()) {
                        body.put(column.json, value);
                    } else {
                        supplierNames++;
                    }
                } else if (column == AssetCsvColumn.TAGS) {
                    body.put(column.json, List.of(value.split("[\\s,;]+")));
                } else {
                    body.put(column.json, value);
                }
            }
            Map<String, String> custom = new LinkedHashMap<>();
            for (String key : header.customIndex().keySet()) {
                String value = header.customCell(record, key);
                if (value != null) {
                    custom.put(key, value);
                }
            }
            try {
                AssetChanges changes = AssetChanges.from(body, false);
                pending.add(new Pending(line, changes, (String) changes.fields.get(AssetField.ASSET_TAG), modelNumber,
                        custom));
            } catch (ProblemException e) {
                fail(line, describe(e));
            }
        }

        private String describe(ProblemException e) {
            if (e.errors().isEmpty()) {
                return e.getMessage();
            }
            ProblemException.FieldProblem p = e.errors().get(0);
            if (p.field().startsWith("customFields.")) {
                String key = p.field().substring("customFields.".length());
                String name = header.customNames().get(key);
                return (name != null ? name : customColumns.headers().getOrDefault(key, key)) + ": " + p.message();
            }
            String field = p.field().replaceAll("\\[\\d+]$", "");
            for (AssetCsvColumn column : AssetCsvColumn.values()) {
                if (field.equals(column.json)) {
                    return header.name(column) + ": " + p.message();
                }
            }
            return p.field() + ": " + p.message();
        }

        /** Checks the pending rows against the company (existing tags, references) and copies them to the table. */
        void stage() {
            if (pending.isEmpty()) {
                return;
            }
            List<String> lowerTags = new ArrayList<>();
            for (Pending p : pending) {
                if (p.tag() != null) {
                    lowerTags.add(p.tag().toLowerCase(Locale.ROOT));
                }
            }
            Map<String, UUID> existing = store.idsByTag(tenant, lowerTags);
            Map<UUID, AssetStore.CustomState> existingCustom = store.customState(tenant, existing.values());
            List<ImportTable.Staged> staged = new ArrayList<>();
            for (Pending p : pending) {
                String lower = p.tag() == null ? null : p.tag().toLowerCase(Locale.ROOT);
                if (lower != null && assetTags.containsKey(lower)) {
                    fail(p.line(), header.name(AssetCsvColumn.ASSET_TAG) + ": \"" + p.tag() + "\" is already on line "
                            + assetTags.get(lower) + " of this file");
                    continue;
                }
                UUID id = lower == null ? null : existing.get(lower);
                boolean isNew = id == null;
                AssetChanges changes = p.changes();
                if (isNew && !changes.fields.containsKey(AssetField.NAME)) {
                    String name = changes.references.get(RefKind.MODEL) != null ? changes.references.get(RefKind.MODEL)
                            : p.tag();
                    if (name == null) {
                        fail(p.line(), header.name(AssetCsvColumn.NAME) + ": is required for a new asset");
                        continue;
                    }
                    changes.fields.put(AssetField.NAME, name);
                }
                Map<RefKind, UUID> refs;
                try {
                    refs = resolve(changes);
                } catch (ProblemException e) {
                    fail(p.line(), describe(e));
                    continue;
                }
                String customJson;
                try {
                    customJson = custom(p, refs, isNew ? null : existingCustom.get(id));
                } catch (ProblemException e) {
                    fail(p.line(), describe(e));
                    continue;
                }
                if (isNew) {
                    id = UUID.randomUUID();
                }
                Optional<String> bleProblem = checkBleTags(p.line(), id, changes);
                if (bleProblem.isPresent()) {
                    fail(p.line(), bleProblem.get());
                    continue;
                }
                if (lower != null) {
                    assetTags.put(lower, p.line());
                }
                UUID assetId = id;
                changes.tags().ifPresent(tags -> {
                    List<String> ids = new ArrayList<>();
                    for (TagId t : tags) {
                        bleTags.put(t.toString(), p.line());
                        ids.add(t.toString());
                    }
                    tagsToSet.put(assetId, ids);
                });
                if (p.modelNumber() != null && refs.get(RefKind.MODEL) != null) {
                    modelNumbers.putIfAbsent(refs.get(RefKind.MODEL), p.modelNumber());
                }
                ImportTable.Staged row = new ImportTable.Staged(p.line(), id, isNew, p.tag(), changes, refs, customJson);
                staged.add(row);
                (isNew ? createdIds : updatedIds).add(id);
            }
            pending.clear();
            table.copy(generateTags(staged));
        }

        /**
         * The custom field values to store for a row (JSON), checked against its category's fields, or null to keep
         * what an existing asset has. An existing asset's values are the start; the row's cells change them.
         */
        private @Nullable String custom(Pending p, Map<RefKind, UUID> refs, AssetStore.@Nullable CustomState current) {
            boolean categoryGiven = refs.containsKey(RefKind.CATEGORY);
            UUID category = categoryGiven ? refs.get(RefKind.CATEGORY) : current == null ? null : current.categoryId();
            List<CustomFields.Definition> defs = category == null ? List.of() : definitions.getOrDefault(category, List.of());
            if (p.custom().isEmpty() && !categoryGiven && current != null) {
                return null;
            }
            if (p.custom().isEmpty() && defs.isEmpty() && (current == null || current.values().isEmpty())) {
                return null;
            }
            return AssetStore.json(CustomFields.check(defs, current == null ? Map.of() : current.values(), p.custom()));
        }

        /** New rows without an asset tag get the company's next generated tags, skipping any already taken. */
        private List<ImportTable.Staged> generateTags(List<ImportTable.Staged> staged) {
            int count = (int) staged.stream().filter(s -> s.assetTag() == null).count();
            if (count == 0) {
                return staged;
            }
            long next = store.nextTagNumbers(tenant, count);
            List<ImportTable.Staged> out = new ArrayList<>(staged.size());
            List<String> candidates = new ArrayList<>();
            for (long n = next; n < next + count; n++) {
                candidates.add(String.format("HF-%06d", n).toLowerCase(Locale.ROOT));
            }
            Map<String, UUID> taken = store.idsByTag(tenant, candidates);
            int i = 0;
            for (ImportTable.Staged s : staged) {
                if (s.assetTag() != null) {
                    out.add(s);
                    continue;
                }
                String tag = String.format("HF-%06d", next + i++);
                while (taken.containsKey(tag.toLowerCase(Locale.ROOT)) || assetTags.containsKey(tag.toLowerCase(Locale.ROOT))
                        || store.tagInUse(tenant, tag, null)) {
                    tag = String.format("HF-%06d", store.nextTagNumber(tenant));
                }
                assetTags.put(tag.toLowerCase(Locale.ROOT), s.line());
                out.add(new ImportTable.Staged(s.line(), s.id(), true, tag, s.changes(), s.refs(), s.customFields()));
            }
            return out;
        }

        private Optional<String> checkBleTags(long line, UUID assetId, AssetChanges changes) {
            if (changes.tags().isEmpty()) {
                return Optional.empty();
            }
            String column = header.name(AssetCsvColumn.TAGS);
            for (TagId tag : changes.tags().get()) {
                String id = tag.toString();
                Long other = bleTags.get(id);
                if (other != null) {
                    return Optional.of(column + ": " + id + " is already on line " + other + " of this file");
                }
                Optional<UUID> owner = store.tagOwner(tenant, id);
                if (owner.isPresent() && !owner.get().equals(assetId)) {
                    return Optional.of(column + ": " + id + " is already on another asset");
                }
            }
            return Optional.empty();
        }

        /** Reference ids, each distinct name looked up (or created) once per import. */
        private Map<RefKind, UUID> resolve(AssetChanges changes) {
            Map<RefKind, UUID> refs = new EnumMap<>(RefKind.class);
            String manufacturer = changes.references.get(RefKind.MANUFACTURER);
            UUID manufacturerId = manufacturer == null ? null : resolve(RefKind.MANUFACTURER, manufacturer, null);
            if (manufacturerId != null) {
                refs.put(RefKind.MANUFACTURER, manufacturerId);
            }
            for (Map.Entry<RefKind, String> e : changes.references.entrySet()) {
                if (e.getKey() != RefKind.MANUFACTURER && e.getValue() != null) {
                    refs.put(e.getKey(), resolve(e.getKey(), e.getValue(), manufacturerId));
                }
            }
            return refs;
        }

        private UUID resolve(RefKind kind, String value, @Nullable UUID manufacturer) {
            String key = kind + "\u0000" + value.toLowerCase(Locale.ROOT)
                    + (kind == RefKind.MODEL ? "\u0000" + manufacturer : "");
            UUID id = resolved.get(key);
            if (id == null) {
                if (kind == RefKind.STATUS && References.uuid(value).isEmpty()
                        && references.find(RefKind.STATUS, value).isEmpty()) {
                    jdbc.sql("insert into status_labels (tenant_id, id, name, kind) values (?, ?, ?, ?) on conflict do nothing")
                            .params(tenant, UUID.randomUUID(), value.strip(), statusKind(value)).update();
                }
                id = references.resolveOrCreate(kind, value, manufacturer);
                resolved.put(key, id);
            }
            return id;
        }

        Result finish() {
            boolean eachAudited = !dryRun && createdIds.size() + updatedIds.size() <= properties.auditEachUpTo();
            Map<UUID, AssetView> before = new HashMap<>();
            if (eachAudited) {
                store.findAll(tenant, updatedIds).forEach(a -> before.put(a.id(), a));
            }
            UUID defaultStatus = createdIds.isEmpty() ? null
                    : references.resolveOrCreate(RefKind.STATUS, Assets.DEFAULT_STATUS, null);
            created = createdIds.isEmpty() ? 0 : table.insertNew(tenant, defaultStatus);
            updated = updatedIds.isEmpty() ? 0 : table.updateExisting(tenant);
            tagsToSet.forEach((asset, tags) -> store.replaceTags(tenant, asset, tags));
            modelNumbers.forEach((model, number) -> jdbc.sql(
                    "update models set model_number = ? where tenant_id = ? and id = ? and model_number is null")
                    .params(number, tenant, model).update());
            if (eachAudited) {
                List<UUID> written = new ArrayList<>(createdIds);
                written.addAll(updatedIds);
                for (int from = 0; from < written.size(); from += CHUNK) {
                    for (AssetView after : store.findAll(tenant, written.subList(from, Math.min(written.size(), from + CHUNK)))) {
                        AssetView old = before.get(after.id());
                        audit.record(old == null ? "asset.created" : "asset.updated", Assets.AUDIT_TYPE,
                                after.id().toString(), old == null ? null : Assets.snapshot(old), Assets.snapshot(after));
                    }
                }
            }
            List<String> warnings = new ArrayList<>();
            if (!header.blank().isEmpty()) {
                warnings.add("Columns without a name in the header line were skipped: " + header.blank());
            }
            if (supplierNames > 0) {
                warnings.add(header.name(AssetCsvColumn.VENDOR_ID) + " names are not imported (" + supplierNames
                        + " rows): only vendor ids are");
            }
            if (!eachAudited && !dryRun && created + updated > 0) {
                warnings.add("The audit trail records this import as one event (" + (created + updated)
                        + " assets; one event per asset up to " + properties.auditEachUpTo() + ")");
            }
            if (!dryRun) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("created", created);
                summary.put("updated", updated);
                summary.put("failed", failed);
                summary.put("eventPerAsset", eachAudited);
                audit.record(AUDIT_ACTION, Assets.AUDIT_TYPE + "-import", UUID.randomUUID().toString(), null, summary);
            }
            return new Result(created, updated, failed, errors, header.ignored(), warnings, dryRun);
        }
    }

    /** A new status label's kind from its name (Snipe-IT's files name statuses, not kinds). */
    static String statusKind(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("undeploy") || n.contains("broken") || n.contains("lost") || n.contains("stolen")
                || n.contains("repair") || n.contains("defect")) {
            return "UNDEPLOYABLE";
        }
        if (n.contains("pending") || n.contains("order")) {
            return "PENDING";
        }
        if (n.contains("archiv") || n.contains("retired") || n.contains("disposed")) {
            return "ARCHIVED";
        }
        return "DEPLOYABLE";
    }
}
