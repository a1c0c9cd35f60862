package dev.holdfast.inventory.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The columns an asset import understands: the header our export writes, the asset's JSON field it fills and the
 * other names it goes by (Snipe-IT's import columns among them). Header names match case-insensitively and
 * ignore spaces and punctuation, so {@code Asset Tag}, {@code asset_tag} and {@code assetTag} are one column.
 */
enum AssetCsvColumn {
    ASSET_TAG("Asset Tag", "assetTag", "tag"),
    NAME("Name", "name", "item name", "asset name"),
    SERIAL_NUMBER("Serial Number", "serialNumber", "serial", "serial no"),
    DESCRIPTION("Description", "description"),
    NOTES("Notes", "notes", "asset notes", "note"),
    CATEGORY("Category", "category"),
    MANUFACTURER("Manufacturer", "manufacturer"),
    MODEL("Model", "model", "model name"),
    MODEL_NUMBER("Model Number", null, "model no"),
    STATUS("Status", "status", "status label"),
    LOCATION("Location", "location"),
    PURCHASE_DATE("Purchase Date", "purchaseDate"),
    PURCHASE_COST("Purchase Cost", "purchaseCost", "cost", "price"),
    ORDER_NUMBER("Order Number", "orderNumber", "order no"),
    VENDOR_ID("Vendor Id", "vendorId", "supplier", "vendor"),
    WARRANTY_MONTHS("Warranty Months", "warrantyMonths", "warranty"),
    WARRANTY_EXPIRES_ON("Warranty Expires On", "warrantyExpiresOn", "warranty expires"),
    END_OF_LIFE_ON("End Of Life On", "endOfLifeOn", "eol", "eol date", "asset eol date", "end of life"),
    NEXT_AUDIT_ON("Next Audit On", "nextAuditOn", "next audit date"),
    EXPECTED_CHECKIN_ON("Expected Checkin On", "expectedCheckinOn", "expected checkin", "expected checkin date"),
    TAGS("Tags", "tags", "ble tags");

    /** Columns the export writes for information only; an import skips them without a warning. */
    static final List<String> EXPORT_ONLY = List.of("Status Kind", "Assigned To Type", "Assigned To", "Last Audit At",
            "Last Seen", "Created At", "Updated At", "Id");

    private static final Map<String, AssetCsvColumn> BY_KEY = new HashMap<>();

    static {
        for (AssetCsvColumn c : values()) {
            BY_KEY.put(key(c.header), c);
            if (c.json != null) {
                BY_KEY.put(key(c.json), c);
            }
            for (String alias : c.aliases) {
                BY_KEY.put(key(alias), c);
            }
        }
    }

    final String header;
    final @Nullable String json;
    private final String[] aliases;

    AssetCsvColumn(String header, @Nullable String json, String... aliases) {
        this.header = header;
        this.json = json;
        this.aliases = aliases;
    }

    static @Nullable AssetCsvColumn byHeader(String name) {
        return BY_KEY.get(key(name));
    }

    static boolean isExportOnly(String name) {
        String k = key(name);
        return EXPORT_ONLY.stream().anyMatch(h -> key(h).equals(k));
    }

    /** Lower case, letters and digits only. */
    static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
