package dev.holdfast.notifications;

import java.time.Instant;
import java.util.List;

/** The current company's open alerts, newest first (for the dashboard). Call inside the company's context. */
public interface OpenAlerts {

    record OpenAlert(AlertKind kind, String title, String message, String link, Instant raisedAt) {
    }

    /** The company's date now, in the time zone of its alert settings. */
    java.time.LocalDate today();

    long count();

    List<OpenAlert> newest(int limit);
}
