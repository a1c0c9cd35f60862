package dev.holdfast.procurement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.holdfast.platform.ProblemException;
import dev.holdfast.procurement.domain.Page;

import org.jspecify.annotations.Nullable;

/** The list shape of API.md ({@code {items, next}}) and checks of list parameters. */
final class ApiLists {

    private ApiLists() {
    }

    static Map<String, Object> of(Page<?> page) {
        return of(page.items(), page.next());
    }

    static Map<String, Object> of(List<?> items, @Nullable String next) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", next);
        return body;
    }

    /** A "within N days" filter: 0 to 3650, or absent. */
    static @Nullable Integer days(@Nullable Integer days, String name) {
        if (days != null && (days < 0 || days > 3650)) {
            throw ProblemException.invalid(name, "must be between 0 and 3650 days");
        }
        return days;
    }
}
