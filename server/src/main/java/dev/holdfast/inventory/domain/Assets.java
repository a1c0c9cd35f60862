package dev.holdfast.inventory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.activity.AuditTrail;
import dev.holdfast.inventory.SeatHolderDeleting;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.protocol.TagId;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading, changing and deleting the current company's assets, each change in the audit history. */
@Service
public class Assets {

    static final String AUDIT_TYPE = "asset";
    static final String DEFAULT_STATUS = "Ready to deploy";

    /** A keyset page. */
    public record Page(List<AssetView> items, @Nullable String next) {
    }

    private final AssetStore store;
    private final References references;
    private final AuditTrail audit;
    private final CustomFields customFields;
    private final InventorySettings settings;
    private final WarrantyChanges warranty;
    private final ApplicationEventPublisher events;

    Assets(AssetStore store, References references, AuditTrail audit, CustomFields customFields,
            InventorySettings settings, WarrantyChanges warranty, ApplicationEventPublisher events) {
        this.settings = settings;
        this.warranty = warranty;
        this.events = events;
        this.store = store;
        this.references = references;
        this.audit = audit;
        this.customFields = customFields;
    }

    @Transactional
    public AssetView create(AssetChanges changes) {
        UUID tenant = TenantContext.require();
        references.ensureDefaults();
        Map<String, Object> columns = columns(changes);
        String tag = (String) changes.fields.get(AssetField.ASSET_TAG);
        if (tag == null) {
            String pattern = settings.current().assetTagPattern();
            do {
                tag = InventorySettings.format(pattern, store.nextTagNumber(tenant));
            } while (store.tagInUse(tenant, tag, null));
        } else if (store.tagInUse(tenant, tag, null)) {
            throw conflict("assetTag", "is already used by another asset");
        }
        columns.put("asset_tag", tag);
        if (!changes.references.containsKey(RefKind.STATUS)) {
            columns.put("status_id", references.resolveOrCreate(RefKind.STATUS, DEFAULT_STATUS, null));
        }
        Map<String, Object> custom = customFields.check((UUID) columns.get("category_id"), Map.of(), changes.customFields);
        columns.put("custom_fields", AssetStore.json(custom));
        UUID id = UUID.randomUUID();
        store.insert(tenant, id, columns);
        changes.tags().ifPresent(tags -> setTags(tenant, id, tags));
        AssetView created = store.find(tenant, id).orElseThrow();
        audit.record("asset.created", AUDIT_TYPE, id.toString(), null, snapshot(created));
        warranty.afterChange(changes);
        return created;
    }

    @Transactional(readOnly = true)
    public AssetView get(UUID id) {
        return store.find(TenantContext.require(), id).orElseThrow(() -> ProblemException.notFound("Asset"));
    }

    /** The assets with these ids, in the order given (unknown ids are left out). */
    @Transactional(readOnly = true)
    public List<AssetView> getAll(List<UUID> ids) {
        Map<UUID, AssetView> found = new java.util.HashMap<>();
        store.findAll(TenantContext.require(), ids).forEach(a -> found.put(a.id(), a));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Transactional
    public AssetView update(UUID id, AssetChanges changes) {
        UUID tenant = TenantContext.require();
        AssetView before = store.find(tenant, id).orElseThrow(() -> ProblemException.notFound("Asset"));
        Map<String, Object> columns = columns(changes);
        if (changes.fields.containsKey(AssetField.ASSET_TAG)) {
            String tag = (String) changes.fields.get(AssetField.ASSET_TAG);
            if (tag == null) {
                throw ProblemException.invalid("assetTag", "cannot be empty");
            }
            if (store.tagInUse(tenant, tag, id)) {
                throw conflict("assetTag", "is already used by another asset");
            }
        }
        store.update(tenant, id, columns);
        UUID category = columns.containsKey("category_id") ? (UUID) columns.get("category_id") : before.categoryId();
        if (changes.customFields != null || columns.containsKey("category_id")) {
            store.setCustomFields(tenant, id, customFields.check(category, before.customFields(), changes.customFields));
        }
        changes.tags().ifPresent(tags -> setTags(tenant, id, tags));
        AssetView after = store.find(tenant, id).orElseThrow();
        audit.record("asset.updated", AUDIT_TYPE, id.toString(), snapshot(before), snapshot(after));
        warranty.afterChange(changes);
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        UUID tenant = TenantContext.require();
        AssetView before = store.find(tenant, id).orElseThrow(() -> ProblemException.notFound("Asset"));
        events.publishEvent(new SeatHolderDeleting(tenant, SeatHolderDeleting.Holder.ASSET, id));
        store.delete(tenant, id);
        audit.record("asset.deleted", AUDIT_TYPE, id.toString(), snapshot(before), null);
        warranty.changed();
    }

    @Transactional(readOnly = true)
    public Page list(AssetQuery query) {
        UUID tenant = TenantContext.require();
        Optional<AssetFilter> filter = filter(query);
        if (filter.isEmpty()) {
            return new Page(List.of(), null);
        }
        UUID status = filter.get().status();
        UUID category = filter.get().category();
        UUID location = filter.get().location();
        AssetCursor after = query.after() == null || query.after().isBlank() ? null : AssetCursor.decode(query.after());
        List<AssetView> rows = store.page(tenant, query, status, category, location, filter.get().exact(), after);
        if (rows.size() <= query.size()) {
            return new Page(rows, null);
        }
        List<AssetView> items = rows.subList(0, query.size());
        AssetView last = items.get(items.size() - 1);
        return new Page(items, new AssetCursor(AssetStore.sortValue(last, query.sortKey()), last.id()).encode());
    }

    /** The reference ids of the list filters; empty when a filter names nothing that exists (no rows match). */
    Optional<AssetFilter> filter(AssetQuery query) {
        UUID status = null;
        UUID category = null;
        UUID location = null;
        if (query.status() != null) {
            status = references.find(RefKind.STATUS, query.status()).orElse(null);
            if (status == null) {
                return Optional.empty();
            }
        }
        if (query.category() != null) {
            category = references.find(RefKind.CATEGORY, query.category()).orElse(null);
            if (category == null) {
                return Optional.empty();
            }
        }
        if (query.location() != null) {
            location = references.find(RefKind.LOCATION, query.location()).orElse(null);
            if (location == null) {
                return Optional.empty();
            }
        }
        List<UUID> exact = query.search() == null ? List.of() : store.exactMatches(TenantContext.require(), query.q());
        return Optional.of(new AssetFilter(status, category, location, exact));
    }

    /**
     * Filters resolved to ids (null = not filtered); {@code exact}: the assets whose serial number or asset tag is
     * exactly the search text, which then answer the search alone (else it matches names, tags and models).
     */
    record AssetFilter(@Nullable UUID status, @Nullable UUID category, @Nullable UUID location, List<UUID> exact) {
    }

    /** The asset's audit events, newest first ({@code beforeSeq} continues an earlier page). */
    @Transactional(readOnly = true)
    public List<AuditEvent> history(UUID id, @Nullable Long beforeSeq, int limit) {
        get(id);
        return audit.list(AUDIT_TYPE, id.toString(), beforeSeq, limit);
    }

    private Map<String, Object> columns(AssetChanges changes) {
        Map<String, Object> columns = new LinkedHashMap<>();
        changes.fields.forEach((field, value) -> {
            if (field != AssetField.ASSET_TAG || value != null) {
                columns.put(field.column, value);
            }
        });
        UUID manufacturer = null;
        if (changes.references.containsKey(RefKind.MANUFACTURER)) {
            String m = changes.references.get(RefKind.MANUFACTURER);
            manufacturer = m == null ? null : references.resolveOrCreate(RefKind.MANUFACTURER, m, null);
            columns.put("manufacturer_id", manufacturer);
        }
        for (Map.Entry<RefKind, String> e : changes.references.entrySet()) {
            if (e.getKey() == RefKind.MANUFACTURER) {
                continue;
            }
            UUID ref = e.getValue() == null ? null : references.resolveOrCreate(e.getKey(), e.getValue(), manufacturer);
            columns.put(e.getKey().field() + "_id", ref);
        }
        return columns;
    }

    private void setTags(UUID tenant, UUID assetId, List<TagId> tags) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i).toString();
            Optional<UUID> owner = store.tagOwner(tenant, tag);
            if (owner.isPresent() && !owner.get().equals(assetId)) {
                throw conflict("tags[" + i + "]", tag + " is already on another asset");
            }
            ids.add(tag);
        }
        store.replaceTags(tenant, assetId, ids);
    }

    private static ProblemException conflict(String field, String message) {
        return new ProblemException(org.springframework.http.HttpStatus.CONFLICT, field + " " + message,
                List.of(new ProblemException.FieldProblem(field, message)), null);
    }

    /** The fields the history compares (the audit trail stores only those that changed). */
    static Map<String, Object> snapshot(AssetView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("assetTag", a.assetTag());
        m.put("serialNumber", a.serialNumber());
        m.put("description", a.description());
        m.put("notes", a.notes());
        m.put("category", a.category());
        m.put("manufacturer", a.manufacturer());
        m.put("model", a.model());
        m.put("status", a.status());
        m.put("location", a.location());
        m.put("purchaseDate", Objects.toString(a.purchaseDate(), null));
        m.put("purchaseCost", a.purchaseCost() == null ? null : a.purchaseCost().toPlainString());
        m.put("orderNumber", a.orderNumber());
        m.put("vendorId", Objects.toString(a.vendorId(), null));
        m.put("warrantyMonths", a.warrantyMonths());
        m.put("warrantyExpiresOn", Objects.toString(a.warrantyExpiresOn(), null));
        m.put("endOfLifeOn", Objects.toString(a.endOfLifeOn(), null));
        m.put("nextAuditOn", Objects.toString(a.nextAuditOn(), null));
        m.put("tags", String.join(", ", a.tags()));
        a.customFields().forEach((k, v) -> m.put("customFields." + k, String.valueOf(v)));
        return m;
    }
}
