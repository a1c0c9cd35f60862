package dev.holdfast.inventory.domain;

/** The reference tables an asset points to by name or id. */
public enum RefKind {
    CATEGORY("categories", "category"),
    MANUFACTURER("manufacturers", "manufacturer"),
    MODEL("models", "model"),
    LOCATION("locations", "location"),
    STATUS("status_labels", "status"),
    DEPARTMENT("departments", "department");

    final String table;
    final String field;

    RefKind(String table, String field) {
        this.table = table;
        this.field = field;
    }

    public String field() {
        return field;
    }
}
