package dev.holdfast.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.Test;

/** Who may open the alert pages, the dashboard's figures, and the operator's "run now" (page and API). */
class AlertPagesTest extends WebTest {

    @Test
    void membersSeeDashboardAndNotificationsOnlyAdminsTheSettings() {
        TestAccounts.Person owner = accounts.owner("Pages Co");
        TestAccounts.Person viewer = accounts.member(owner, Role.VIEWER);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        ApiClient api = accounts.as(owner);
        api.post("/api/v1/assets", Map.of("name", "Soon", "category", "Laptops", "warrantyExpiresOn", today.plusDays(20).toString()));
        api.post("/api/v1/assets", Map.of("name", "Later", "category", "Laptops", "warrantyExpiresOn", today.plusDays(50).toString()));
        api.post("/api/v1/assets", Map.of("name", "Much later", "category", "Phones", "warrantyExpiresOn", today.plusDays(80).toString()));
        api.post("/api/v1/assets", Map.of("name", "Audit me", "nextAuditOn", today.minusDays(1).toString()));

        WebClient session = new WebClient(port);
        session.login(viewer.email(), TestAccounts.PASSWORD);
        HttpResponse<String> dashboard = session.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"dash-total\">4<").contains("id=\"dash-warranties-30\">1<")
                .contains("id=\"dash-audits-due\">1<").contains("Laptops").contains("Phones");
        assertThat(dashboard.body()).contains("<td>Warranties</td><td class=\"text-end\">1</td>"
                + "<td class=\"text-end\">2</td><td class=\"text-end\">3</td>");
        assertThat(session.get("/notifications").statusCode()).isEqualTo(200);
        assertThat(session.get("/settings/alerts").statusCode()).isEqualTo(403);
        assertThat(session.get("/operator/alerts").statusCode()).isEqualTo(403);
        assertThat(session.get("/").body()).contains("id=\"home-dashboard\"").contains("id=\"nav-bell\"");

        WebClient ownerSession = new WebClient(port);
        ownerSession.login(owner.email(), TestAccounts.PASSWORD);
        assertThat(ownerSession.get("/settings/alerts").statusCode()).isEqualTo(200);
        HttpResponse<String> invalid = ownerSession.submit("/settings/alerts", "/settings/alerts",
                Map.of("timeZone", "Nowhere/Land", "digestHour", "8", "WARRANTY_EXPIRING.enabled", "true",
                        "WARRANTY_EXPIRING.days", "30", "WARRANTY_EXPIRING.delivery", "IMMEDIATE"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("is not a valid IANA time zone").contains("value=\"Nowhere/Land\"");
        HttpResponse<String> saved = ownerSession.submit("/settings/alerts", "/settings/alerts",
                Map.of("timeZone", "Europe/Paris", "digestHour", "6", "WARRANTY_EXPIRING.days", "10",
                        "WARRANTY_EXPIRING.delivery", "DIGEST", "WARRANTY_EXPIRING.roles", "OWNER"));
        assertThat(saved.statusCode()).isEqualTo(302);
        var settings = api.get("/api/v1/alert-settings").json();
        assertThat(settings.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(settings.get("kinds").get("WARRANTY_EXPIRING").get("enabled").asBoolean()).isFalse();
        assertThat(settings.get("kinds").get("WARRANTY_EXPIRING").get("delivery").asString()).isEqualTo("DIGEST");
    }

    @Test
    void theOperatorRunsTheEvaluationNow() {
        TestAccounts.Person owner = accounts.owner("Operated Alerts");
        WebClient operator = TestAccounts.operatorSession(port, jdbc, encoder);
        assertThat(operator.get("/operator/alerts").statusCode()).isEqualTo(200);
        HttpResponse<String> run = operator.submit("/operator/alerts", "/operator/alerts/run", Map.of());
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("id=\"alert-run-result\"").contains("data-ran=\"true\"").contains("data-millis=");

        assertThat(accounts.as(owner).post("/api/v1/operator/alerts/evaluate", Map.of()).status()).isEqualTo(403);
    }
}
