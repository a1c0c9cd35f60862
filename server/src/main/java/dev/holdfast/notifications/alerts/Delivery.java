package dev.holdfast.notifications.alerts;

/** How alert e-mails of a kind go out: one mail per evaluation that raised alerts, or one daily digest. */
public enum Delivery {
    IMMEDIATE, DIGEST
}
