package dev.holdfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;
import dev.holdfast.testing.WebClient;

import org.junit.jupiter.api.Test;

/** Cookies, headers, CSRF and per-role access of the pages, seen from the outside. */
class PagesSecurityTest extends WebTest {



    @Test
    void pagesSendProtectiveHeaders() {
        HttpResponse<String> login = new WebClient(port).get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();

        HttpResponse<String> behindTls = new WebClient(port).send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).header("X-Forwarded-Proto", "https").build());
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                h -> assertThat(h).contains("max-age=31536000"));
    }

    @Test
    void loginGivesANewHttpOnlyStrictSessionCookie() {
        TestAccounts.Person owner = accounts.owner("Cookies");
        WebClient browser = new WebClient(port);
        browser.get("/login");
        String before = browser.cookie("HOLDFAST_SESSION");

        HttpResponse<String> login = browser.login(owner.email(), TestAccounts.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = browser.cookie("HOLDFAST_SESSION");
        assertThat(after).isNotNull().isNotEqualTo(before);
        List<String> setCookies = login.headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(c -> assertThat(c).startsWith("HOLDFAST_SESSION=")
                .contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure"));
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Cookies");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(owner.userId().toString()).query(Long.class).single()).as("session kept in PostgreSQL").isOne();
    }

    @Test
    void theSessionCookieIsSecureBehindATlsProxy() {
        TestAccounts.Person owner = accounts.owner("Secure");
        WebClient browser = new WebClient(port);
        String page = browser.get("/login").body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + owner.email() + "&password="
                        + TestAccounts.PASSWORD.replace(" ", "+") + "&_csrf=" + csrf)).build());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("HOLDFAST_SESSION=").contains("Secure", "HttpOnly", "SameSite=Strict"));
    }

    @Test
    void aWrongPasswordShowsAClearMessage() {
        TestAccounts.Person owner = accounts.owner("Wrong");
        WebClient browser = new WebClient(port);
        HttpResponse<String> login = browser.login(owner.email(), "definitely not it");
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Wrong e-mail address or password.");
        assertThat(browser.get("/").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        TestAccounts.Person owner = accounts.owner("Csrf");
        WebClient browser = new WebClient(port);
        browser.login(owner.email(), TestAccounts.PASSWORD);
        HttpResponse<String> forged = browser.post("/users/invite", Map.of("email", "x@example.com", "role", "ADMIN"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from invitations where email = 'x@example.com' and invited_by = ?")
                .param(owner.userId()).query(Long.class).single()).isZero();
    }

    @Test
    void eachRoleSeesWhatItMayAndNoMore() {
        TestAccounts.Person owner = accounts.owner("Roles");
        Map<Role, Integer> usersPage = Map.of(Role.OWNER, 200, Role.ADMIN, 200, Role.MANAGER, 403, Role.VIEWER, 403);
        for (Role role : Role.values()) {
            TestAccounts.Person person = role == Role.OWNER ? owner : accounts.member(owner, role);
            WebClient browser = new WebClient(port);
            browser.login(person.email(), TestAccounts.PASSWORD);
            assertThat(browser.get("/").statusCode()).as(role + " home").isEqualTo(200);
            assertThat(browser.get("/users").statusCode()).as(role + " users page").isEqualTo(usersPage.get(role));
            assertThat(browser.get("/operator").statusCode()).as(role + " operator console").isEqualTo(403);
            assertThat(browser.get("/account/tokens").statusCode()).as(role + " own tokens").isEqualTo(200);
        }
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() {
        HttpResponse<String> home = new WebClient(port).get("/users");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aRemovedMemberLosesAccessAtOnce() {
        TestAccounts.Person owner = accounts.owner("Removal");
        TestAccounts.Person admin = accounts.member(owner, Role.ADMIN);
        WebClient browser = new WebClient(port);
        browser.login(admin.email(), TestAccounts.PASSWORD);
        assertThat(browser.get("/users").statusCode()).isEqualTo(200);

        transactions.inTenant(owner.tenantId(), () -> {
            jdbc.sql("delete from memberships where tenant_id = ? and user_id = ?")
                    .params(owner.tenantId(), admin.userId()).update();
        });
        assertThat(browser.get("/users").statusCode()).isEqualTo(403);
    }
}
