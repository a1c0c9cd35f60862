package dev.holdfast.procurement.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/** List page addresses: the path with the non-blank parameters, and the same with a cursor for the next page. */
final class Links {

    private Links() {
    }

    static Map<String, @Nullable String> params(@Nullable String... nameValuePairs) {
        Map<String, @Nullable String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            params.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return params;
    }

    static String url(String path, Map<String, @Nullable String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return query.length() == 0 ? path : path + "?" + query;
    }

    static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A "within N days" choice of a list filter: 30, 60 or 90, anything else none. */
    static @Nullable Integer window(@Nullable String v) {
        return v == null ? null : switch (v) {
            case "30" -> 30;
            case "60" -> 60;
            case "90" -> 90;
            default -> null;
        };
    }
}
