package dev.holdfast.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.holdfast.HoldfastApplication;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;
import dev.holdfast.testing.WebClient;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Server-side sessions: listed and revoked by their owner, kept in PostgreSQL across nodes and restarts. */
class SessionsTest extends WebTest {



    @Test
    void aPersonSeesTheirSessionsAndEndsOne() {
        TestAccounts.Person owner = accounts.owner("Two Devices");
        WebClient laptop = new WebClient(port);
        WebClient phone = new WebClient(port);
        laptop.login(owner.email(), TestAccounts.PASSWORD);
        phone.login(owner.email(), TestAccounts.PASSWORD);

        String page = laptop.get("/account/sessions").body();
        assertThat(page).contains("this session").contains("127.0.0.1");
        assertThat(page.split("/revoke\"", -1).length - 1).as("two sessions listed").isEqualTo(2);

        String phoneSession = jdbc.sql("select session_id from spring_session where principal_name = ? "
                + "order by creation_time desc limit 1").param(owner.userId().toString()).query(String.class).single().trim();
        HttpResponse<String> ended = laptop.submit("/account/sessions", "/account/sessions/" + phoneSession + "/revoke", Map.of());
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(phone.get("/").statusCode()).as("the phone is signed out").isEqualTo(302);
        assertThat(laptop.get("/").statusCode()).as("the laptop is not").isEqualTo(200);
    }

    @Test
    void aSessionSurvivesOnAnotherNodeOrAfterARestart() throws Exception {
        TestAccounts.Person owner = accounts.owner("Durable");
        WebClient browser = new WebClient(port);
        browser.login(owner.email(), TestAccounts.PASSWORD);
        String cookie = browser.cookie("HOLDFAST_SESSION");

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(HoldfastApplication.class)
                .properties("server.port=0").run()) {
            int otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + otherPort + "/")).header("Cookie", "HOLDFAST_SESSION=" + cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Durable");
        }
    }
}
