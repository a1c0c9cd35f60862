package dev.holdfast.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Guessing enrolment codes is slow: each client address gets a few attempts per minute. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "holdfast.fleet.enrollments-per-ip-per-minute=3")
class EnrollmentLimitTest extends WebTest {

    @Test
    void enrolmentAttemptsAreLimitedPerClientAddress() throws Exception {
        String address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
        for (int i = 0; i < 3; i++) {
            assertThat(guess(address).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = guess(address);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(guess("10.78.0." + ThreadLocalRandom.current().nextInt(256)).statusCode())
                .as("another address is not affected").isEqualTo(401);
    }

    private HttpResponse<String> guess(String clientAddress) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/devices/enroll"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"ZZZZ-ZZZZ-ZZZZ-ZZZZ\",\"hardwareId\":\"guesser\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
