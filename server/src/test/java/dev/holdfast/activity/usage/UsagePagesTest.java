package dev.holdfast.activity.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.activity.UsageLog;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.testing.TestAccounts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The pages render from the database. Security (who may open them, which company is current) is another
 * module's; here the company is set around the call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsagePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;
    @Autowired
    UsageLog usage;
    @Autowired
    AuditTrail trail;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void operatorUsagePageRendersInstallationWideLogins() throws Exception {
        String reason = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        usage.loginAttempt(null, null, false, reason);
        usage.loginAttempt(UUID.randomUUID(), UUID.randomUUID(), true, reason);

        HttpResponse<String> page = TestAccounts.operatorSession(port, jdbc, encoder).get("/operator/usage?kind=logins");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Usage of this installation", reason, "failure", "success")
                .doesNotContainPattern("style=\"").doesNotContain("<script>");
    }

    @Test
    void companyUsagePageShowsOnlyTheCompanysRows() throws Exception {
        UUID company = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        usage.loginAttempt(UUID.randomUUID(), company, true, "mine");
        usage.loginAttempt(UUID.randomUUID(), other, false, "theirs");

        String body = render(company, "/settings/usage?kind=logins");
        assertThat(body).contains("Usage of your company", "mine").doesNotContain("theirs");
        assertThat(render(company, "/settings/usage?kind=sessions&date=2020-01-01"))
                .contains("Nothing recorded for this selection");
    }

    @Test
    void auditPageShowsTheDiffAndVerifiesTheChain() throws Exception {
        UUID company = UUID.randomUUID();
        TenantContext.runAs(company, () -> trail.record("asset.updated", "asset", "A-77",
                Map.of("name", "Old name", "password", "hunter2"), Map.of("name", "New name", "password", "hunter3")));

        String page = render(company, "/settings/audit");
        assertThat(page).contains("asset.updated", "A-77", "Old name", "New name", "***")
                .doesNotContain("hunter");

        MvcResult verified = TenantContext.callAs(company, () -> perform(
                post("/settings/audit/verify").header("HX-Request", "true")));
        assertThat(verified.getResponse().getContentAsString()).contains("intact", "1</span> events checked")
                .doesNotContain("<html");
    }

    private String render(UUID company, String url) throws Exception {
        MvcResult result = TenantContext.callAs(company, () -> perform(get(url)));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MvcResult perform(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            return mvc.perform(request).andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
