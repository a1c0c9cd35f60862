package dev.holdfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Accounts part of API.md, over real HTTP against the real database. */
class AccountsApiTest extends WebTest {

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void signupCreatesACompanyWithItsOwner() {
        String email = TestAccounts.uniqueEmail("new");
        ApiClient.Reply r = api.post("/api/v1/signup", Map.of("company", "Acme Tools", "name", "Ada",
                "email", email.toUpperCase(), "password", TestAccounts.PASSWORD));

        assertThat(r.status()).isEqualTo(201);
        UUID tenant = UUID.fromString(r.json().get("tenantId").asString());
        String token = accounts.token(email, tenant);
        ApiClient.Reply me = api.withToken(token).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("user").get("id").asString()).isEqualTo(r.json().get("userId").asString());
        assertThat(me.json().get("tenant").get("name").asString()).isEqualTo("Acme Tools");
        assertThat(me.json().get("role").asString()).isEqualTo("OWNER");
    }

    @Test
    void signupAnswersConflictForAKnownAddress() {
        TestAccounts.Person owner = accounts.owner("First");
        ApiClient.Reply r = api.post("/api/v1/signup", Map.of("company", "Second", "name", "Eve",
                "email", owner.email(), "password", TestAccounts.PASSWORD));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({
        "short-pass1, password",          // 11 characters
        "1qaz2wsx3edc, password",         // a common password, 12 characters
        "'', email",
    })
    void signupRejectsBadInputWith422NamingTheField(String password, String field) {
        String email = field.equals("email") ? "not-an-address" : TestAccounts.uniqueEmail("weak");
        ApiClient.Reply r = api.post("/api/v1/signup", Map.of("company", "Weak Inc", "name", "Wes",
                "email", email, "password", field.equals("email") ? TestAccounts.PASSWORD : password));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single())
                .as("nothing stored").isZero();
    }

    @Test
    void signupIsForbiddenWhenClosed() {
        jdbc.sql("update installation_settings set value = 'false' where key = 'signup_open'").update();
        try {
            ApiClient.Reply r = api.post("/api/v1/signup", Map.of("company", "Closed", "name", "Cy",
                    "email", TestAccounts.uniqueEmail("closed"), "password", TestAccounts.PASSWORD));
            assertThat(r.status()).isEqualTo(403);
        } finally {
            jdbc.sql("update installation_settings set value = 'true' where key = 'signup_open'").update();
        }
    }

    @Test
    void wrongCredentialsGetTheSameAnswerWhetherOrNotTheAddressExists() {
        TestAccounts.Person owner = accounts.owner("Creds");
        ApiClient.Reply wrongPassword = api.post("/api/v1/tokens", Map.of("email", owner.email(), "password",
                "not the password at all"));
        ApiClient.Reply unknown = api.post("/api/v1/tokens", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com",
                "password", "not the password at all"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(wrongPassword.json().get("title")).isEqualTo(unknown.json().get("title"));
    }

    @Test
    void tokenAnswersWithItsCompanyAndExpiry() {
        TestAccounts.Person owner = accounts.owner("Tokens");
        ApiClient.Reply r = api.post("/api/v1/tokens", Map.of("email", owner.email(), "password",
                TestAccounts.PASSWORD, "name", "ci"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("token").asString()).startsWith("hf_");
        assertThat(r.json().get("tenantId").asString()).isEqualTo(owner.tenantId().toString());
        assertThat(r.json().get("expiresAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(jdbc.sql("select count(*) from api_tokens where token_hash like 'hf_%'").query(Long.class).single())
                .as("only hashes are stored").isZero();
    }

    @Test
    void aPersonInTwoCompaniesChoosesOneWithTenantId() {
        TestAccounts.Person first = accounts.owner("One");
        TestAccounts.Person second = accounts.owner("Two");
        accounts.addTo(second.tenantId(), first.userId(), Role.VIEWER);

        String token = accounts.token(first.email(), second.tenantId());
        ApiClient.Reply me = api.withToken(token).get("/api/v1/me");
        assertThat(me.json().get("tenant").get("id").asString()).isEqualTo(second.tenantId().toString());
        assertThat(me.json().get("role").asString()).isEqualTo("VIEWER");

        ApiClient.Reply notMine = api.post("/api/v1/tokens", Map.of("email", second.email(), "password",
                TestAccounts.PASSWORD, "tenantId", first.tenantId().toString()));
        assertThat(notMine.status()).isEqualTo(403);
    }

    @Test
    void meNeedsAValidToken() {
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        ApiClient.Reply forged = api.withToken("hf_" + "A".repeat(43)).get("/api/v1/me");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aRevokedTokenStopsWorking() {
        TestAccounts.Person owner = accounts.owner("Revoke");
        UUID id = jdbc.sql("select id from api_tokens where user_id = ? order by created_at desc limit 1")
                .param(owner.userId()).query(UUID.class).single();
        jdbc.sql("update api_tokens set revoked_at = now() where id = ?").param(id).update();
        assertThat(accounts.as(owner).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void adminsInviteByEmailOthersMayNot() {
        TestAccounts.Person owner = accounts.owner("Inviting");
        TestAccounts.Person admin = accounts.member(owner, Role.ADMIN);
        TestAccounts.Person manager = accounts.member(owner, Role.MANAGER);
        TestAccounts.Person viewer = accounts.member(owner, Role.VIEWER);
        String invitee = TestAccounts.uniqueEmail("invitee");

        ApiClient.Reply byAdmin = accounts.as(admin).post("/api/v1/invitations", Map.of("email", invitee, "role", "MANAGER"));
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.json().get("email").asString()).isEqualTo(invitee);
        assertThat(byAdmin.json().get("role").asString()).isEqualTo("MANAGER");

        assertThat(accounts.as(manager).post("/api/v1/invitations", Map.of("email", invitee, "role", "VIEWER")).status())
                .isEqualTo(403);
        assertThat(accounts.as(viewer).post("/api/v1/invitations", Map.of("email", invitee, "role", "VIEWER")).status())
                .isEqualTo(403);
        assertThat(accounts.as(admin).post("/api/v1/invitations", Map.of("email", invitee, "role", "OWNER")).status())
                .as("only an Owner makes Owners").isEqualTo(403);
        assertThat(accounts.as(owner).post("/api/v1/invitations", Map.of("email", invitee, "role", "CHIEF")).status())
                .isEqualTo(422);

        ApiClient.Reply pending = accounts.as(owner).get("/api/v1/invitations");
        assertThat(pending.json().get("items").findValuesAsString("email")).containsExactly(invitee);
        ApiClient.Reply otherCompany = accounts.as(accounts.owner("Elsewhere")).get("/api/v1/invitations");
        assertThat(otherCompany.json().get("items")).isEmpty();
    }
}
