package dev.holdfast.notifications.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator's view of the outbox: counts per status, a newest-first list filtered by status (keyset
 * pages), one mail's text, and "retry now" for failed mails. Access is restricted to the operator by the
 * security configuration ({@code /operator/**}).
 */
@Controller
@RequestMapping("/operator/outbox")
class OutboxController {

    static final int PAGE_SIZE = 50;

    private final OutboxQueries queries;
    private final OutboxStore store;
    private final SmtpDelivery delivery;
    private final Clock clock;

    OutboxController(OutboxQueries queries, OutboxStore store, SmtpDelivery delivery, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.delivery = delivery;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable MailStatus status,
            @RequestParam(required = false) @Nullable UUID after, @RequestParam(required = false) @Nullable String at,
            Model model) {
        List<OutboxSummary> rows = queries.page(status, after, instantOrNull(at), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<OutboxSummary> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("mails", page);
        Map<String, Long> counts = new LinkedHashMap<>();
        queries.countsByStatus().forEach((s, n) -> counts.put(s.name(), n));
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", MailStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("firstPage", after == null);
        model.addAttribute("nextAfter", more ? page.get(page.size() - 1).id() : null);
        model.addAttribute("nextAt", more ? page.get(page.size() - 1).createdAt().toString() : null);
        model.addAttribute("smtpConfigured", delivery.configured());
        return "notifications/outbox";
    }

    private static @Nullable Instant instantOrNull(@Nullable String at) {
        try {
            return at == null ? null : Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @GetMapping("/{id}")
    String mail(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean retried, Model model) {
        OutboxMailView view = queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", view);
        model.addAttribute("mail", view.mail());
        model.addAttribute("retried", retried);
        model.addAttribute("smtpConfigured", delivery.configured());
        return "notifications/outbox-mail";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable UUID id) {
        if (!store.retryFailed(id, clock.instant())) {
            if (queries.find(id).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            throw new ResponseStatusException(HttpStatus.CONFLICT, "only failed mails can be retried");
        }
        return "redirect:/operator/outbox/" + id + "?retried=true";
    }
}
