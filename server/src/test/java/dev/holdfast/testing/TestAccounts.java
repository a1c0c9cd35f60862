package dev.holdfast.testing;

import java.util.Map;
import java.util.UUID;

import dev.holdfast.accounts.Role;
import dev.holdfast.platform.TenantTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sets up people and companies for tests. Companies are made through the public sign-up API (the way users do);
 * extra members with a given role are inserted directly, which is what accepting an invitation ends in.
 */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple 42";

    /** A person in a company, with an API token for it. */
    public record Person(UUID userId, UUID tenantId, String email, String token) {
    }

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final TenantTransactions transactions;
    private final PasswordEncoder encoder;

    public TestAccounts(int port, JdbcClient jdbc, TenantTransactions transactions, PasswordEncoder encoder) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.encoder = encoder;
        jdbc.sql("insert into installation_settings (key, value) values ('signup_open', 'true') "
                + "on conflict (key) do update set value = 'true'").update();
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Signs up a new company; the person is its Owner. */
    public Person owner(String company) {
        String email = uniqueEmail("owner");
        ApiClient.Reply r = api.post("/api/v1/signup", Map.of("company", company, "name", "Olive Owner",
                "email", email, "password", PASSWORD));
        if (r.status() != 201) {
            throw new IllegalStateException("signup failed: " + r.raw().body());
        }
        UUID tenant = UUID.fromString(r.json().get("tenantId").asString());
        return new Person(UUID.fromString(r.json().get("userId").asString()), tenant, email, token(email, tenant));
    }

    /** A new person with {@code role} in the company of {@code colleague}. */
    public Person member(Person colleague, Role role) {
        String email = uniqueEmail(role.name().toLowerCase());
        UUID userId = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)")
                .params(userId, email, "Test " + role.name().toLowerCase(), encoder.encode(PASSWORD)).update();
        addTo(colleague.tenantId(), userId, role);
        return new Person(userId, colleague.tenantId(), email, token(email, colleague.tenantId()));
    }

    public void addTo(UUID tenantId, UUID userId, Role role) {
        transactions.inTenant(tenantId, () -> {
            jdbc.sql("insert into memberships (tenant_id, user_id, role) values (?, ?, ?)")
                    .params(tenantId, userId, role.name()).update();
        });
    }

    public String token(String email, UUID tenantId) {
        ApiClient.Reply r = api.post("/api/v1/tokens", Map.of("email", email, "password", PASSWORD,
                "tenantId", tenantId.toString(), "name", "test"));
        if (r.status() != 201) {
            throw new IllegalStateException("token failed: " + r.raw().body());
        }
        return r.json().get("token").asString();
    }

    /** A browser session of a new operator (the installer's account). */
    public static WebClient operatorSession(int port, JdbcClient jdbc, PasswordEncoder encoder) {
        String email = uniqueEmail("operator");
        jdbc.sql("insert into users (id, email, name, password_hash, operator) values (?, ?, 'Test Operator', ?, true)")
                .params(UUID.randomUUID(), email, encoder.encode(PASSWORD)).update();
        WebClient browser = new WebClient(port);
        browser.login(email, PASSWORD);
        return browser;
    }

    public ApiClient as(Person person) {
        return api.withToken(person.token());
    }
}
