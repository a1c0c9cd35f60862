package dev.holdfast.inventory.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dev.holdfast.platform.ProblemException;

/** The plain (non-reference) fields of an asset: their JSON names, columns and how a value is checked. */
enum AssetField {
    NAME("name", "name", Type.TEXT, 200),
    ASSET_TAG("assetTag", "asset_tag", Type.TEXT, 100),
    SERIAL_NUMBER("serialNumber", "serial_number", Type.TEXT, 200),
    DESCRIPTION("description", "description", Type.TEXT, 2000),
    NOTES("notes", "notes", Type.TEXT, 10_000),
    PURCHASE_DATE("purchaseDate", "purchase_date", Type.DATE, 0),
    PURCHASE_COST("purchaseCost", "purchase_cost", Type.MONEY, 0),
    ORDER_NUMBER("orderNumber", "order_number", Type.TEXT, 200),
    VENDOR_ID("vendorId", "vendor_id", Type.UUID, 0),
    WARRANTY_MONTHS("warrantyMonths", "warranty_months", Type.MONTHS, 0),
    WARRANTY_EXPIRES_ON("warrantyExpiresOn", "warranty_expires_on", Type.DATE, 0),
    END_OF_LIFE_ON("endOfLifeOn", "end_of_life_on", Type.DATE, 0),
    NEXT_AUDIT_ON("nextAuditOn", "next_audit_on", Type.DATE, 0),
    EXPECTED_CHECKIN_ON("expectedCheckinOn", "expected_checkin_on", Type.DATE, 0);

    enum Type { TEXT, DATE, MONEY, UUID, MONTHS }

    final String json;
    final String column;
    final Type type;
    final int maxLength;

    AssetField(String json, String column, Type type, int maxLength) {
        this.json = json;
        this.column = column;
        this.type = type;
        this.maxLength = maxLength;
    }

    /** The value to store: a String, LocalDate, BigDecimal, UUID or Integer; null clears the field. */
    Object parse(Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> {
                if (!(raw instanceof String s)) {
                    throw ProblemException.invalid(json, "must be text");
                }
                String t = s.strip();
                if (t.isEmpty()) {
                    yield null;
                }
                if (t.length() > maxLength) {
                    throw ProblemException.invalid(json, "must be at most " + maxLength + " characters");
                }
                yield t;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(raw.toString().trim());
                } catch (DateTimeParseException e) {
                    throw ProblemException.invalid(json, "must be a date like 2026-11-23");
                }
            }
            case MONEY -> {
                BigDecimal cost;
                try {
                    cost = new BigDecimal(raw.toString().trim());
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid(json, "must be a number");
                }
                if (cost.signum() < 0 || cost.scale() > 2 || cost.precision() - cost.scale() > 12) {
                    throw ProblemException.invalid(json, "must be between 0 and 999,999,999,999.99 with at most 2 decimals");
                }
                yield cost;
            }
            case UUID -> {
                try {
                    yield java.util.UUID.fromString(raw.toString().trim());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(json, "must be an id");
                }
            }
            case MONTHS -> {
                if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                        || n.intValue() < 0 || n.intValue() > 1200) {
                    throw ProblemException.invalid(json, "must be a whole number of months from 0 to 1200");
                }
                yield n.intValue();
            }
        };
    }

    static AssetField byJson(String name) {
        for (AssetField f : values()) {
            if (f.json.equals(name)) {
                return f;
            }
        }
        return null;
    }

}
