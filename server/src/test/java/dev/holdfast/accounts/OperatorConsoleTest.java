package dev.holdfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.holdfast.accounts.domain.OperatorAccounts;
import dev.holdfast.testing.Outbox;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;
import dev.holdfast.testing.WebClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The operator: created through the one-time setup link from the log, then running companies. */
@ExtendWith(OutputCaptureExtension.class)
class OperatorConsoleTest extends WebTest {

    private static final Pattern SETUP_LINK = Pattern.compile("one-time link: \\S+(/setup\\?token=\\S+)");

    @Autowired
    OperatorAccounts operatorAccounts;



    @Test
    void setupLinkCreatesTheOperatorOnceWhoThenRunsCompanies(CapturedOutput output) {
        jdbc.sql("update users set operator = false where operator").update(); // a first start, as far as accounts go
        operatorAccounts.run(null);
        Matcher link = SETUP_LINK.matcher(output.getAll());
        assertThat(link.find()).as("setup link printed in the log").isTrue();
        String path = link.group(1);

        WebClient browser = new WebClient(port);
        assertThat(browser.get(path).statusCode()).isEqualTo(200);
        String email = TestAccounts.uniqueEmail("operator");
        HttpResponse<String> created = browser.submit(path, "/setup", Map.of("token", path.substring(path.indexOf('=') + 1),
                "name", "Opal Operator", "email", email, "password", TestAccounts.PASSWORD));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(browser.get(path).statusCode()).as("the link works once").isEqualTo(404);

        browser.login(email, TestAccounts.PASSWORD);
        HttpResponse<String> console = browser.get("/operator");
        assertThat(console.statusCode()).isEqualTo(200);

        // create a company: its Owner is invited by e-mail
        String ownerEmail = TestAccounts.uniqueEmail("new-owner");
        String name = "Operated " + System.nanoTime();
        HttpResponse<String> made = browser.submit("/operator", "/operator/companies",
                Map.of("name", name, "ownerEmail", ownerEmail));
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(Outbox.linkPath(jdbc, ownerEmail, "invitation")).startsWith("/join/");

        // suspend a company: its members lose it at once
        TestAccounts.Person member = accounts.owner("Suspended Ltd");
        assertThat(accounts.as(member).get("/api/v1/me").status()).isEqualTo(200);
        HttpResponse<String> suspended = browser.submit("/operator", "/operator/companies/" + member.tenantId() + "/status",
                Map.of("active", "false"));
        assertThat(suspended.statusCode()).isEqualTo(302);
        assertThat(accounts.as(member).get("/api/v1/me").status()).isEqualTo(401);
        browser.submit("/operator", "/operator/companies/" + member.tenantId() + "/status", Map.of("active", "true"));
        assertThat(accounts.as(member).get("/api/v1/me").status()).isEqualTo(200);

        // the operator sees the outbox and the installation's usage; a company Owner does not
        assertThat(browser.get("/operator/outbox").statusCode()).isEqualTo(200);
        assertThat(browser.get("/operator/usage").statusCode()).isEqualTo(200);
        WebClient ownerBrowser = new WebClient(port);
        ownerBrowser.login(member.email(), TestAccounts.PASSWORD);
        assertThat(ownerBrowser.get("/operator/outbox").statusCode()).isEqualTo(403);
        assertThat(ownerBrowser.get("/settings/usage").statusCode()).isEqualTo(200);
        assertThat(ownerBrowser.get("/settings/audit").statusCode()).isEqualTo(200);
    }
}
