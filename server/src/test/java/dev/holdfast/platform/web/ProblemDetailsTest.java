package dev.holdfast.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.holdfast.testing.TestAccounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every way an /api call can fail answers RFC 9457 problem details; pages answer with a friendly page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemDetailsTest {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET    | /api/v1/test/nothing-here |                  | 404 | No resource at /api/v1/test/nothing-here",
        "DELETE | /api/v1/test/probes       |                  | 405 | Method DELETE is not supported",
        "POST   | /api/v1/test/probes       | text/plain       | 415 | Content type 'text/plain' is not supported",
        "POST   | /api/v1/test/probes       | application/json | 400 | not valid JSON",
        "GET    | /api/v1/test/probes/7     |                  | 404 | Probe not found",
        "GET    | /api/v1/test/probes/abc   |                  | 422 | id: has an invalid value",
        "GET    | /api/v1/test/probes/13    |                  | 500 | Quote the request id",
    })
    void apiErrorsAreProblemDetails(String method, String path, String contentType, int status, String detail)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString("{\"name\": \"broken"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).contains(detail);
        assertThat(body.get("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception", "secret internal detail", "at dev.holdfast");
    }

    @Test
    void validationErrorsNameEachField() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/test/probes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \" \", \"email\": \"not-an-address\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("name", "email");
        assertThat(errors.findValuesAsString("message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void aGivenRequestIdIsEchoedAndAnUnsafeOneReplaced() throws Exception {
        HttpResponse<String> kept = http.send(HttpRequest.newBuilder(url("/actuator/health"))
                .header("X-Request-Id", "abc-123").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("abc-123");

        HttpResponse<String> replaced = http.send(HttpRequest.newBuilder(url("/actuator/health"))
                .header("X-Request-Id", "<script>").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void pagesGetAFriendlyHtmlErrorPage() throws Exception {
        HttpResponse<String> response = TestAccounts.operatorSession(port, jdbc, encoder).get("/no/such/page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("text/html"));
        assertThat(response.body()).contains("Page not found", "Back to the start page")
                .doesNotContain("Whitelabel", "Exception");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
