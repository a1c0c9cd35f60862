package dev.holdfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.Outbox;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;
import dev.holdfast.testing.WebClient;

import org.junit.jupiter.api.Test;

/** Links sent by e-mail, followed the way their recipients follow them. */
class PasswordAndInvitationFlowTest extends WebTest {



    @Test
    void passwordResetIsSingleUseAndEndsEverySession() {
        TestAccounts.Person owner = accounts.owner("Reset Co");
        WebClient laptop = new WebClient(port);
        laptop.login(owner.email(), TestAccounts.PASSWORD);
        assertThat(laptop.get("/").statusCode()).isEqualTo(200);

        WebClient stranger = new WebClient(port);
        HttpResponse<String> known = stranger.submit("/password/forgot", "/password/forgot", Map.of("email", owner.email()));
        HttpResponse<String> unknown = stranger.submit("/password/forgot", "/password/forgot",
                Map.of("email", "ghost-" + owner.email()));
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(known.body()).contains("If an account exists for that address");
        assertThat(unknown.body()).contains("If an account exists for that address");
        assertThat(Outbox.count(jdbc, "ghost-" + owner.email(), "password-reset")).isZero();

        String link = Outbox.linkPath(jdbc, owner.email(), "password-reset");
        assertThat(link).startsWith("/password/reset?token=");
        String newPassword = "a much better passphrase 2026";
        HttpResponse<String> reset = stranger.submit(link, "/password/reset",
                Map.of("token", link.substring(link.indexOf('=') + 1), "password", newPassword));
        assertThat(reset.statusCode()).isEqualTo(302);

        assertThat(laptop.get("/").statusCode()).as("the old session ended").isEqualTo(302);
        assertThat(stranger.get(link).statusCode()).as("the link works once").isEqualTo(404);
        WebClient again = new WebClient(port);
        assertThat(again.login(owner.email(), TestAccounts.PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("?error");
        assertThat(again.login(owner.email(), newPassword).headers().firstValue("Location").orElseThrow())
                .doesNotContain("error");
    }

    @Test
    void anInviteeSetsAPasswordAndJoinsWithTheInvitedRole() {
        TestAccounts.Person owner = accounts.owner("Joiners");
        String invitee = TestAccounts.uniqueEmail("joiner");
        ApiClient.Reply invited = accounts.as(owner).post("/api/v1/invitations", Map.of("email", invitee, "role", "MANAGER"));
        assertThat(invited.status()).isEqualTo(201);

        String link = Outbox.linkPath(jdbc, invitee, "invitation");
        assertThat(link).startsWith("/join/" + owner.tenantId() + "/");
        WebClient browser = new WebClient(port);
        assertThat(browser.get(link).body()).contains("Joiners", "manager");
        HttpResponse<String> weak = browser.submit(link, link, Map.of("name", "Jo", "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("at least 12 characters");

        HttpResponse<String> joined = browser.submit(link, link, Map.of("name", "Jo Joiner", "password", TestAccounts.PASSWORD));
        assertThat(joined.statusCode()).isEqualTo(302);
        String token = accounts.token(invitee, owner.tenantId());
        ApiClient.Reply me = new ApiClient(port).withToken(token).get("/api/v1/me");
        assertThat(me.json().get("role").asString()).isEqualTo("MANAGER");
        assertThat(browser.get(link).statusCode()).as("the invitation is spent").isEqualTo(404);
    }

    @Test
    void anExistingAccountJoinsAfterSigningIn() {
        TestAccounts.Person owner = accounts.owner("Second Home");
        TestAccounts.Person elsewhere = accounts.owner("First Home");
        accounts.as(owner).post("/api/v1/invitations", Map.of("email", elsewhere.email(), "role", "VIEWER"));
        String link = Outbox.linkPath(jdbc, elsewhere.email(), "invitation");

        WebClient browser = new WebClient(port);
        assertThat(browser.get(link).body()).contains("Sign in to accept");
        String signedInLink = "/account" + link;
        assertThat(browser.get(signedInLink).statusCode()).as("needs sign-in first").isEqualTo(302);
        browser.login(elsewhere.email(), TestAccounts.PASSWORD);
        HttpResponse<String> accepted = browser.submit(signedInLink, signedInLink, Map.of());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(browser.get("/").body()).contains("Second Home");
    }

    @Test
    void theLastOwnerCannotBeRemovedOrDemoted() {
        TestAccounts.Person owner = accounts.owner("Lonely Owner");
        WebClient browser = new WebClient(port);
        browser.login(owner.email(), TestAccounts.PASSWORD);
        browser.submit("/users", "/users/" + owner.userId() + "/role", Map.of("role", "ADMIN"));
        assertThat(browser.get("/users").body()).contains("last Owner cannot be demoted");
        Integer owners = transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "select count(*) from memberships where tenant_id = ? and role = 'OWNER'")
                .param(owner.tenantId()).query(Integer.class).single());
        assertThat(owners).isOne();
    }
}
