package dev.holdfast.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ProblemException that no REST controller advice answers (page controllers, interceptors in front of
 * no controller) keeps its status, detail and Retry-After instead of turning into a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemExceptionFallbackTest {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onApiPathsItIsAProblemDetailsAnswer() throws Exception {
        HttpResponse<String> response = get("/api/v1/test/plain-controller", "application/json");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("detail").asString()).isEqualTo("colour: is not a colour");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void onPagesItIsTheFriendlyPageWithItsStatus() throws Exception {
        HttpResponse<String> response = get("/test/problem-page", "text/html");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(response.body()).contains("Slow down").doesNotContain("Exception");
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(ApiProblemAdvice.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ApiProblemAdvice.retryAfterSeconds(Duration.ofMillis(1_001))).isEqualTo(2);
        assertThat(ApiProblemAdvice.retryAfterSeconds(Duration.ofSeconds(30))).isEqualTo(30);
        assertThat(ApiProblemAdvice.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
