package dev.holdfast.notifications.alerts;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.holdfast.notifications.AlertKind;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Reads alert settings from the API's JSON body (or the page's form, converted to the same shape) and validates them:
 * days 1–365, percent 1–100, known roles, valid e-mail addresses, a valid IANA time zone, digest hour 0–23. Fields left
 * out keep their current values. Problems name the field as the caller sent it, e.g. {@code kinds.WARRANTY_EXPIRING.days}.
 */
public final class AlertSettingsForm {

    private AlertSettingsForm() {
    }

    /** The JSON shape of the API (and of the page's model). */
    public static Map<String, Object> toJson(AlertSettings settings) {
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (KindSettings k : settings.kinds().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", k.enabled());
            m.put("days", k.days());
            m.put("percent", k.percent());
            m.put("roles", KindSettings.ROLES.stream().filter(k.roles()::contains).toList());
            m.put("emails", k.emails());
            m.put("delivery", k.delivery().name());
            kinds.put(k.kind().name(), m);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timeZone", settings.timeZone().getId());
        json.put("digestHour", settings.digestHour());
        json.put("kinds", kinds);
        return json;
    }

    /** {@code current} changed by {@code body}; throws a 422 {@link ProblemException} listing every invalid field. */
    public static AlertSettings apply(AlertSettings current, Map<String, ?> body) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        ZoneId zone = current.timeZone();
        Object tz = body.get("timeZone");
        if (body.containsKey("timeZone")) {
            try {
                if (!(tz instanceof String s) || s.isBlank() || !ZoneId.getAvailableZoneIds().contains(s.trim())) {
                    throw new DateTimeException("unknown");
                }
                zone = ZoneId.of(((String) tz).trim());
            } catch (DateTimeException e) {
                problems.add(new ProblemException.FieldProblem("timeZone", "is not a valid IANA time zone (e.g. Europe/Berlin)"));
            }
        }
        int hour = current.digestHour();
        if (body.containsKey("digestHour")) {
            Integer h = integer(body.get("digestHour"));
            if (h == null || h < 0 || h > 23) {
                problems.add(new ProblemException.FieldProblem("digestHour", "must be a whole number from 0 to 23"));
            } else {
                hour = h;
            }
        }
        Map<AlertKind, KindSettings> kinds = new EnumMap<>(current.kinds());
        Object kindsValue = body.get("kinds");
        if (kindsValue != null && !(kindsValue instanceof Map<?, ?>)) {
            problems.add(new ProblemException.FieldProblem("kinds", "must be an object keyed by alert kind"));
        } else if (kindsValue instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                AlertKind kind;
                try {
                    kind = AlertKind.valueOf(name);
                } catch (IllegalArgumentException ex) {
                    problems.add(new ProblemException.FieldProblem("kinds." + name, "is not an alert kind"));
                    continue;
                }
                if (!(e.getValue() instanceof Map<?, ?> fields)) {
                    problems.add(new ProblemException.FieldProblem("kinds." + name, "must be an object"));
                    continue;
                }
                kinds.put(kind, kind(current.kind(kind), fields, "kinds." + name + ".", problems));
            }
        }
        if (!problems.isEmpty()) {
            String detail = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                    : problems.size() + " fields are invalid";
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, detail, problems, null);
        }
        return new AlertSettings(zone, hour, kinds);
    }

    private static KindSettings kind(KindSettings current, Map<?, ?> fields, String prefix,
            List<ProblemException.FieldProblem> problems) {
        boolean enabled = current.enabled();
        if (fields.containsKey("enabled")) {
            Object v = fields.get("enabled");
            if (v instanceof Boolean b) {
                enabled = b;
            } else if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
                enabled = Boolean.parseBoolean(s);
            } else {
                problems.add(new ProblemException.FieldProblem(prefix + "enabled", "must be true or false"));
            }
        }
        int days = current.days();
        if (fields.containsKey("days")) {
            Integer d = integer(fields.get("days"));
            if (d == null || d < 1 || d > 365) {
                problems.add(new ProblemException.FieldProblem(prefix + "days", "must be a whole number from 1 to 365"));
            } else {
                days = d;
            }
        }
        int percent = current.percent();
        if (fields.containsKey("percent")) {
            Integer p = integer(fields.get("percent"));
            if (p == null || p < 1 || p > 100) {
                problems.add(new ProblemException.FieldProblem(prefix + "percent", "must be a whole number from 1 to 100"));
            } else {
                percent = p;
            }
        }
        Set<String> roles = current.roles();
        if (fields.containsKey("roles")) {
            Set<String> parsed = new LinkedHashSet<>();
            for (String r : strings(fields.get("roles"))) {
                String role = r.trim().toUpperCase(Locale.ROOT);
                if (!KindSettings.ROLES.contains(role)) {
                    problems.add(new ProblemException.FieldProblem(prefix + "roles",
                            "must list roles among OWNER, ADMIN, MANAGER, VIEWER"));
                    break;
                }
                parsed.add(role);
            }
            roles = parsed;
        }
        List<String> emails = current.emails();
        if (fields.containsKey("emails")) {
            Set<String> parsed = new LinkedHashSet<>();
            List<String> raw = strings(fields.get("emails"));
            for (int i = 0; i < raw.size(); i++) {
                String address = raw.get(i).trim().toLowerCase(Locale.ROOT);
                if (address.isEmpty()) {
                    continue;
                }
                if (!validAddress(address)) {
                    problems.add(new ProblemException.FieldProblem(prefix + "emails",
                            "entry " + (i + 1) + " is not a valid e-mail address"));
                    break;
                }
                parsed.add(address);
            }
            if (parsed.size() > 20) {
                problems.add(new ProblemException.FieldProblem(prefix + "emails", "at most 20 extra addresses"));
            }
            emails = List.copyOf(parsed);
        }
        Delivery delivery = current.delivery();
        if (fields.containsKey("delivery")) {
            try {
                delivery = Delivery.valueOf(String.valueOf(fields.get("delivery")).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new ProblemException.FieldProblem(prefix + "delivery", "must be IMMEDIATE or DIGEST"));
            }
        }
        return new KindSettings(current.kind(), enabled, days, percent, roles, emails, delivery);
    }

    static boolean validAddress(String address) {
        if (address.length() > 254) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getAddress() != null && parsed.getAddress().equals(address)
                    && address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        } catch (AddressException e) {
            return false;
        }
    }

    /** A list from a JSON array, or from a text of addresses separated by commas, semicolons or line breaks. */
    private static List<String> strings(@Nullable Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> all;
        if (value instanceof Collection<?> c) {
            all = c.stream().map(String::valueOf).toList();
        } else if (value instanceof String[] a) {
            all = List.of(a);
        } else {
            all = List.of(String.valueOf(value).split("[,;\\s]+"));
        }
        return all.stream().filter(s -> !s.isBlank()).toList();
    }

    private static @Nullable Integer integer(@Nullable Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
