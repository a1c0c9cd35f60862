package dev.holdfast.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.holdfast.platform.RateLimiter;
import dev.holdfast.platform.ratelimit.TestRateLimiters;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes on /api are limited per caller, 120 a minute by default; reads are not. The limiter is the real
 * PostgreSQL one, on a clock the test moves (so refill during the test cannot blur the count). Each test
 * is a different anonymous caller: its own client IP, sent as X-Forwarded-For from the trusted local proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "holdfast.rate-limit.api-writes-per-minute=120")
class ApiWriteRateLimitTest {

    static final TestRateLimiters.Clock CLOCK = TestRateLimiters.clock();
    static final String PROBE = "/api/v1/test/rate-limit-probe";
    static final String[] WRITES = {"POST", "PUT", "PATCH", "DELETE"};

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockedLimiter {
        @Bean
        @Primary
        RateLimiter clockedRateLimiter(DataSource dataSource) {
            return TestRateLimiters.on(dataSource, CLOCK);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();
    String clientIp;

    @BeforeEach
    void anotherCaller() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        clientIp = "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    @Test
    void write121InAMinuteIsRefusedWithRetryAfterAndProblemDetails() throws Exception {
        for (int i = 1; i <= 120; i++) {
            String method = WRITES[i % WRITES.length];
            HttpResponse<String> response = send(method, PROBE, clientIp);
            assertThat(response.statusCode()).as("write #%d (%s)", i, method).isIn(200, 201, 204);
        }

        HttpResponse<String> refused = send("POST", PROBE, clientIp);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(body.get("detail").asString()).contains("Too many requests");
        assertThat(body.get("instance").asString()).isEqualTo(PROBE);
        assertThat(body.get("requestId").asString()).isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());

        for (String method : WRITES) {
            assertThat(send(method, PROBE, clientIp).statusCode()).as(method).isEqualTo(429);
        }
        assertThat(send("POST", PROBE, otherIp()).statusCode()).as("another caller has its own bucket").isEqualTo(201);

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(send("POST", PROBE, clientIp).statusCode()).as("two tokens back after a second").isEqualTo(201);
        assertThat(send("POST", PROBE, clientIp).statusCode()).isEqualTo(201);
        assertThat(send("POST", PROBE, clientIp).statusCode()).isEqualTo(429);
    }

    @Test
    void readsAreNotLimited() throws Exception {
        for (int i = 0; i < 150; i++) {
            assertThat(send("GET", PROBE, clientIp).statusCode()).isEqualTo(200);
        }
        for (int i = 1; i <= 120; i++) {
            assertThat(send("POST", PROBE, clientIp).statusCode()).as("write #%d after 150 reads", i).isEqualTo(201);
        }
        assertThat(send("POST", PROBE, clientIp).statusCode()).isEqualTo(429);
        assertThat(send("GET", PROBE, clientIp).statusCode()).as("reads go on when writes are refused").isEqualTo(200);
    }

    @Test
    void anEmptyBucketAnswers429EvenWhereNoControllerWouldAnswer() throws Exception {
        exhaust();
        HttpResponse<String> response = send("POST", "/api/v1/test/no-such-endpoint", clientIp);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(429);
    }

    @Test
    void deviceUploadsAreNotCounted() throws Exception {
        exhaust();
        HttpResponse<String> upload = send("POST", "/api/v1/ingest/anything", clientIp);
        assertThat(upload.statusCode()).isNotEqualTo(429);
    }

    private void exhaust() throws Exception {
        for (int i = 0; i < 120; i++) {
            send("POST", PROBE, clientIp);
        }
        assertThat(send("POST", PROBE, clientIp).statusCode()).isEqualTo(429);
    }

    private String otherIp() {
        return clientIp.startsWith("198.18.") ? clientIp.replace("198.18.", "198.19.") : "198.18.0.1";
    }

    private HttpResponse<String> send(String method, String path, String forwardedFor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
