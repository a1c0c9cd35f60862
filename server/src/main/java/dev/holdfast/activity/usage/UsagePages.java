package dev.holdfast.activity.usage;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The usage pages: {@code /settings/usage} shows the current company's requests, logins and sessions (the
 * security configuration admits company admins and owners and sets the company); {@code /operator/usage}
 * shows the whole installation's (the operator only). Filters: kind and UTC day; paged by "older".
 */
@Controller
class UsagePages {

    static final int PAGE = 50;

    private final UsageQueries queries;

    UsagePages(UsageQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/settings/usage")
    String company(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String before, Model model) {
        UsageQueries.Filter filter = filter(kind, date, before);
        return render(model, "/settings/usage", false, filter, queries.company(filter));
    }

    @GetMapping("/operator/usage")
    String installation(@RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @RequestParam(required = false) @Nullable String before, Model model) {
        UsageQueries.Filter filter = filter(kind, date, before);
        return render(model, "/operator/usage", true, filter, queries.installation(filter));
    }

    private static UsageQueries.Filter filter(@Nullable String kind, @Nullable LocalDate date, @Nullable String before) {
        return new UsageQueries.Filter(UsageQueries.Kind.parse(kind), date, UsageQueries.Cursor.parse(before), PAGE);
    }

    private static String render(Model model, String path, boolean installationWide, UsageQueries.Filter filter,
            UsageQueries.Page page) {
        model.addAttribute("path", path);
        model.addAttribute("installationWide", installationWide);
        model.addAttribute("kind", filter.kind().param());
        model.addAttribute("date", filter.day());
        model.addAttribute("rows", page.rows());
        model.addAttribute("next", page.next() == null ? null : page.next().token());
        model.addAttribute("firstPage", filter.before() == null);
        return "activity/usage";
    }
}
