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
        // procurement: a licence expiring in 10 days, a full one in 75, a contract ending in 45, an overdue vendor audit
        String vendor = api.post("/api/v1/vendors", Map.of("name", "Late Vendor", "auditCadenceMonths", 12,
                "lastAuditOn", "2020-01-01")).json().get("id").asString();
        assertThat(api.post("/api/v1/licenses", Map.of("product", "Acrobat", "seats", 5,
                "expiresOn", today.plusDays(10).toString())).status()).isEqualTo(201);
        String figma = api.post("/api/v1/licenses", Map.of("product", "Figma", "seats", 1,
                "expiresOn", today.plusDays(75).toString())).json().get("id").asString();
        String alice = api.post("/api/v1/people", Map.of("name", "Alice")).json().get("id").asString();
        assertThat(api.post("/api/v1/licenses/" + figma + "/seats", Map.of("personId", alice)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/contracts", Map.of("vendorId", vendor, "title", "Support",
                "endsOn", today.plusDays(45).toString())).status()).isEqualTo(201);
        // another company's licences, contracts and vendors count only there
        ApiClient other = accounts.as(accounts.owner("Other Pages Co"));
        String otherVendor = other.post("/api/v1/vendors", Map.of("name", "Other Vendor", "auditCadenceMonths", 1,
                "lastAuditOn", "2021-01-01")).json().get("id").asString();
        String otherLicense = other.post("/api/v1/licenses", Map.of("product", "Other Suite", "seats", 1,
                "expiresOn", today.plusDays(5).toString())).json().get("id").asString();
        String bob = other.post("/api/v1/people", Map.of("name", "Bob")).json().get("id").asString();
        assertThat(other.post("/api/v1/licenses/" + otherLicense + "/seats", Map.of("personId", bob)).status())
                .isEqualTo(201);
        assertThat(other.post("/api/v1/contracts", Map.of("vendorId", otherVendor, "title", "Other Support",
                "renewalOn", today.plusDays(3).toString())).status()).isEqualTo(201);

        WebClient session = new WebClient(port);
        session.login(viewer.email(), TestAccounts.PASSWORD);
        HttpResponse<String> dashboard = session.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"dash-total\">4<").contains("id=\"dash-warranties-30\">1<")
                .contains("id=\"dash-audits-due\">1<").contains("Laptops").contains("Phones");
        assertThat(dashboard.body()).contains("<td>Warranties</td><td class=\"text-end\">1</td>"
                + "<td class=\"text-end\">2</td><td class=\"text-end\">3</td>");
        assertThat(dashboard.body()).contains(expiringRow("licenses", "Licences", 1, 1, 2))
                .contains(expiringRow("contracts", "Contracts", 0, 1, 1))
                .contains("id=\"dash-licenses-full\">1<")
                .contains("id=\"dash-licenses-over\" href=\"/licenses?filter=over\">0<")
                .contains("id=\"dash-vendor-audits\" href=\"/vendors?filter=overdue\">1<")
                .contains("href=\"/licenses/" + figma + "\">Figma</a>").contains("1 of 1 seats")
                .contains("href=\"/vendors/" + vendor + "\">Late Vendor</a>")
                .contains("licence expires " + today.plusDays(10)).contains("contract ends " + today.plusDays(45))
                .doesNotContain("Other Suite").doesNotContain("Other Vendor").doesNotContain("Other Support");
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

    /** The dashboard's "Expiring" row of licences or contracts: its counts in the 30, 60 and 90 days windows. */
    private static String expiringRow(String path, String label, long in30, long in60, long in90) {
        StringBuilder row = new StringBuilder("<tr id=\"dash-" + path + "-expiring\"><td><a href=\"/" + path
                + "?expiring=30\">" + label + "</a></td>");
        long[] counts = {in30, in60, in90};
        int[] windows = {30, 60, 90};
        for (int i = 0; i < 3; i++) {
            row.append("<td class=\"text-end\"><a href=\"/").append(path).append("?expiring=").append(windows[i])
                    .append("\">").append(counts[i]).append("</a></td>");
        }
        return row.append("</tr>").toString();
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
