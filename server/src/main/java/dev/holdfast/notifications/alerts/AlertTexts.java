package dev.holdfast.notifications.alerts;

import dev.holdfast.notifications.AlertKind;

/** Display names of the alert kinds. */
public final class AlertTexts {

    private AlertTexts() {
    }

    public static String label(AlertKind kind) {
        return switch (kind) {
            case WARRANTY_EXPIRING -> "Warranty expiring";
            case LICENSE_CAPACITY -> "Licence capacity";
            case LICENSE_EXPIRING -> "Licence expiring";
            case CONTRACT_RENEWAL -> "Contract renewal or notice deadline";
            case VENDOR_AUDIT_OVERDUE -> "Vendor audit overdue";
            case ASSET_NOT_SEEN -> "Tracked asset not seen";
            case ASSET_AWAY -> "Asset away from its location";
        };
    }

    /** What the threshold means for the kind, for the settings page. */
    public static String thresholdHint(AlertKind kind) {
        return switch (kind) {
            case WARRANTY_EXPIRING -> "Alert when a warranty ends within this many days.";
            case LICENSE_CAPACITY -> "Alert when this share of a licence's seats is assigned (and when it is over-allocated).";
            case LICENSE_EXPIRING -> "Alert when a licence expires within this many days.";
            case CONTRACT_RENEWAL -> "Alert when a contract's renewal date or notice deadline is within this many days.";
            case VENDOR_AUDIT_OVERDUE -> "Alert when a vendor's audit is past due.";
            case ASSET_NOT_SEEN -> "Alert when a tagged asset has not been seen for the days set in the tracking settings.";
            case ASSET_AWAY -> "Alert when an asset has been seen outside its own Location for the hours set in the tracking settings.";
        };
    }

    public static boolean usesPercent(AlertKind kind) {
        return kind == AlertKind.LICENSE_CAPACITY;
    }

    public static boolean usesDays(AlertKind kind) {
        return kind != AlertKind.LICENSE_CAPACITY && kind != AlertKind.VENDOR_AUDIT_OVERDUE
                && kind != AlertKind.ASSET_NOT_SEEN && kind != AlertKind.ASSET_AWAY;
    }
}
