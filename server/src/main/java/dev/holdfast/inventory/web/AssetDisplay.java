package dev.holdfast.inventory.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.holdfast.activity.AuditEvent;

import org.jspecify.annotations.Nullable;

/** How the asset page words things: warranty state, status badges, history entries. */
public final class AssetDisplay {

    /** The history's field names in the order the page shows them, with their labels. */
    private static final Map<String, String> LABELS = labels();

    /** A warranty's state for a badge: text and Bootstrap colour ({@code danger}, {@code warning}, {@code success}). */
    public record Warranty(String text, String tone) {
    }

    /** One field change of a history entry. */
    public record Change(String field, @Nullable Object before, @Nullable Object after) {
    }

    /** One history entry: what happened, who, when, and the field changes in form order. */
    public record Entry(String title, String actor, String actorKind, Instant at, List<Change> changes) {
    }

    private AssetDisplay() {
    }

    static @Nullable Warranty warranty(@Nullable LocalDate expires, Clock clock) {
        if (expires == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(LocalDate.now(clock), expires);
        if (days < 0) {
            return new Warranty("Expired on " + expires, "danger");
        }
        if (days == 0) {
            return new Warranty("Expires today", "warning");
        }
        String text = "Expires in " + days + (days == 1 ? " day" : " days") + " (" + expires + ")";
        return new Warranty(text, days <= 90 ? "warning" : "success");
    }

    /** Bootstrap colour of a status kind. */
    static String statusTone(@Nullable String kind) {
        if (kind == null) {
            return "secondary";
        }
        return switch (kind) {
            case "DEPLOYABLE" -> "success";
            case "PENDING" -> "warning";
            case "UNDEPLOYABLE" -> "danger";
            default -> "secondary";
        };
    }

    static List<Entry> history(List<AuditEvent> events) {
        List<Entry> entries = new ArrayList<>();
        for (AuditEvent e : events) {
            String title = switch (e.action()) {
                case "asset.created" -> "Created";
                case "asset.updated" -> "Changed";
                case "asset.deleted" -> "Deleted";
                default -> e.action();
            };
            List<Change> changes = new ArrayList<>();
            LABELS.forEach((field, label) -> {
                if (e.changes().get(field) instanceof Map<?, ?> c) {
                    changes.add(new Change(label, c.get("before"), c.get("after")));
                }
            });
            e.changes().forEach((field, value) -> {
                if (!LABELS.containsKey(field) && value instanceof Map<?, ?> c) {
                    changes.add(new Change(field, c.get("before"), c.get("after")));
                }
            });
            entries.add(new Entry(title, e.actorLabel(), e.actorKind().toLowerCase(java.util.Locale.ROOT), e.at(), changes));
        }
        return entries;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("name", "Name");
        m.put("assetTag", "Asset tag");
        m.put("serialNumber", "Serial number");
        m.put("status", "Status");
        m.put("category", "Category");
        m.put("manufacturer", "Manufacturer");
        m.put("model", "Model");
        m.put("location", "Location");
        m.put("purchaseDate", "Purchase date");
        m.put("purchaseCost", "Purchase cost");
        m.put("orderNumber", "Order number");
        m.put("vendorId", "Vendor");
        m.put("warrantyMonths", "Warranty (months)");
        m.put("warrantyExpiresOn", "Warranty expires");
        m.put("endOfLifeOn", "End of life");
        m.put("nextAuditOn", "Next audit");
        m.put("description", "Description");
        m.put("notes", "Notes");
        m.put("tags", "BLE tags");
        return java.util.Collections.unmodifiableMap(m);
    }
}
