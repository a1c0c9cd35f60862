package dev.holdfast.notifications.alerts;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import dev.holdfast.notifications.AlertKind;

/** A company's alert settings: the time zone and hour of the daily digest, and the settings of every kind. */
public record AlertSettings(ZoneId timeZone, int digestHour, Map<AlertKind, KindSettings> kinds) {

    public static final int DEFAULT_DIGEST_HOUR = 8;

    public AlertSettings {
        Map<AlertKind, KindSettings> all = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            all.put(kind, kinds.getOrDefault(kind, KindSettings.defaults(kind)));
        }
        kinds = java.util.Collections.unmodifiableMap(all);
    }

    public static AlertSettings defaults() {
        return new AlertSettings(ZoneId.of("UTC"), DEFAULT_DIGEST_HOUR, Map.of());
    }

    public KindSettings kind(AlertKind kind) {
        return kinds.get(kind);
    }
}
