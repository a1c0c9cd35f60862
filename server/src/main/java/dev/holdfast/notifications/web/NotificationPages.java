package dev.holdfast.notifications.web;

import java.util.List;
import java.util.UUID;

import dev.holdfast.notifications.alerts.Notifications;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /notifications}: the signed-in member's notifications, newest first, with mark-read and a link to the object. */
@Controller
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        List<Notifications.Notification> items = notifications.mine(unread);
        model.addAttribute("items", items);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("limit", Notifications.LIMIT);
        return "notifications/notifications";
    }

    /** Marks read; {@code open=true} then follows the notification's link (only app-relative paths). */
    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean unread) {
        notifications.markRead(id);
        if (open) {
            String link = notifications.mine(false).stream().filter(n -> n.id().equals(id)).findFirst()
                    .map(Notifications.Notification::link).orElse(null);
            if (link != null && link.startsWith("/") && !link.startsWith("//")) {
                return "redirect:" + link;
            }
        }
        return unread ? "redirect:/notifications?unread=true" : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
