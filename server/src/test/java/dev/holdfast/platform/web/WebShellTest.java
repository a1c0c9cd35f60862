package dev.holdfast.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shell pages load everything from the application itself: no CDN, no outside host. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebShellTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void homePageServesEveryAssetItself() throws Exception {
        HttpResponse<String> home = get("/login"); // public, built on the same layout as every page
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Holdfast", "bootstrap.min.css", "htmx.min.js");

        List<String> assets = new ArrayList<>();
        Matcher m = ASSET.matcher(home.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).isNotEmpty().allSatisfy(a -> assertThat(a).startsWith("/").doesNotStartWith("//"));
        for (String asset : assets) {
            if (asset.contains(".css") || asset.contains(".js") || asset.contains(".svg")) {
                assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
            }
        }
        assertThat(home.body()).doesNotContain("<script>").doesNotContainPattern("style=\"");
    }

    @Test
    void healthInfoAndMetricsAreServed() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        assertThat(get("/actuator/info").body()).contains("Holdfast");
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
