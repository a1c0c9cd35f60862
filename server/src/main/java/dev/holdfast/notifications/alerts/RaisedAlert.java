package dev.holdfast.notifications.alerts;

import java.time.Instant;
import java.util.UUID;

import dev.holdfast.notifications.AlertKind;

/** An alert as stored: raised for one condition, open until it is cleared. */
public record RaisedAlert(UUID id, AlertKind kind, String key, String title, String message, String link,
        Instant raisedAt) {
}
