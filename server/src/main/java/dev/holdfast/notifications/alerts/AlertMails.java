package dev.holdfast.notifications.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.holdfast.notifications.AlertKind;
import dev.holdfast.notifications.AlertRecipients;
import dev.holdfast.notifications.MailOutbox;
import dev.holdfast.notifications.OutgoingMail;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Alert e-mails (text and HTML, the company's name, absolute links), queued in the outbox in the caller's transaction:
 * one mail per recipient per evaluation that raised alerts ({@code alert}), or one daily digest ({@code alert-digest}).
 * A mail lists at most {@link AlertsProperties#mailListLimit()} alerts and links to the notifications page for the rest.
 */
@Component
class AlertMails {

    static final String KIND = "alert";
    static final String DIGEST_KIND = "alert-digest";

    private final MailOutbox outbox;
    private final AlertRecipients recipients;
    private final AlertsProperties properties;

    AlertMails(MailOutbox outbox, AlertRecipients recipients, AlertsProperties properties) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.properties = properties;
    }

    void immediate(UUID tenant, String company, AlertKind kind, List<RaisedAlert> alerts, String to) {
        String subject = alerts.size() == 1 ? company + ": " + alerts.get(0).title()
                : company + ": " + alerts.size() + " new alerts (" + AlertTexts.label(kind).toLowerCase() + ")";
        String intro = alerts.size() == 1 ? "A new alert for " + company + " on Holdfast:"
                : alerts.size() + " new alerts for " + company + " on Holdfast:";
        send(tenant, KIND, to, subject, company, intro, alerts);
    }

    void digest(UUID tenant, String company, LocalDate day, List<RaisedAlert> alerts, String to) {
        String subject = company + ": " + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts")
                + " — daily digest of " + day;
        String intro = "Alerts raised for " + company + " on Holdfast since the last digest:";
        send(tenant, DIGEST_KIND, to, subject, company, intro, alerts);
    }

    private void send(UUID tenant, String mailKind, String to, String subject, String company, String intro,
            List<RaisedAlert> alerts) {
        int limit = properties.mailListLimit();
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        StringBuilder html = new StringBuilder("<p>").append(esc(intro)).append("</p><ul>");
        for (RaisedAlert a : alerts.subList(0, Math.min(limit, alerts.size()))) {
            String link = recipients.absoluteLink(a.link());
            text.append("- ").append(a.title()).append('\n').append("  ").append(a.message()).append('\n')
                    .append("  ").append(link).append("\n\n");
            html.append("<li><a href=\"").append(esc(link)).append("\"><strong>").append(esc(a.title()))
                    .append("</strong></a><br>").append(esc(a.message())).append("</li>");
        }
        html.append("</ul>");
        String all = recipients.absoluteLink("/notifications");
        if (alerts.size() > limit) {
            int more = alerts.size() - limit;
            text.append("... and ").append(more).append(" more: ").append(all).append("\n\n");
            html.append("<p>… and ").append(more).append(" more: <a href=\"").append(esc(all))
                    .append("\">all notifications</a></p>");
        } else {
            text.append("All notifications: ").append(all).append("\n\n");
            html.append("<p><a href=\"").append(esc(all)).append("\">All notifications</a></p>");
        }
        String settings = recipients.absoluteLink("/settings/alerts");
        text.append("You receive these e-mails because of the alert settings of ").append(company).append(": ")
                .append(settings).append('\n');
        html.append("<p style=\"color:#6c757d\">You receive these e-mails because of the alert settings of ")
                .append(esc(company)).append(": <a href=\"").append(esc(settings)).append("\">alert settings</a></p>");
        outbox.enqueue(new OutgoingMail(tenant, mailKind, to, oneLine(subject), text.toString(), html.toString()));
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("[\\r\\n]+", " ");
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
