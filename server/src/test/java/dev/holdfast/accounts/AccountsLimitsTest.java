package dev.holdfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;
import dev.holdfast.testing.WebClient;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Low limits, as an installation might set them: repeated failures are refused with 429 and Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "holdfast.accounts.rate-limits.logins-per-account-per15-minutes=3",
    "holdfast.accounts.session-absolute-lifetime=3s"})
class AccountsLimitsTest extends WebTest {

    @Test
    void repeatedTokenFailuresForOneAccountAreRateLimited() {
        String email = TestAccounts.uniqueEmail("target");
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/tokens", Map.of("email", email, "password", "guess number " + i)).status())
                    .isEqualTo(401);
        }
        ApiClient.Reply limited = api.post("/api/v1/tokens", Map.of("email", email, "password", "guess number 4"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(accounts).isNotNull();
    }

    @Test
    void repeatedFormLoginsForOneAccountAreRateLimited() {
        String email = TestAccounts.uniqueEmail("form-target");
        WebClient browser = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.login(email, "guess " + i).headers().firstValue("Location").orElseThrow()).endsWith("?error");
        }
        HttpResponse<String> limited = browser.login(email, "guess 4");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Slow down");
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverActive() throws Exception {
        TestAccounts.Person owner = accounts.owner("Short Sessions");
        WebClient browser = new WebClient(port);
        browser.login(owner.email(), TestAccounts.PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            Thread.sleep(1000);
            browser.get("/account");
        }
        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }
}
