import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in as the operator and presses "Run the alert evaluation now" on /operator/alerts RUNS times, printing the
 * server-side duration of each run (every company evaluated, all kinds) and the round trip.
 *
 * <pre>java bench/AlertsRun.java BASE_URL OPERATOR_EMAIL OPERATOR_PASSWORD [RUNS=3]</pre>
 *
 * Run 1 raises every alert (one in-app notification per alert and recipient, one e-mail per recipient); later runs
 * find the same conditions open and raise nothing — the steady state of the hourly job.
 */
public class AlertsRun {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get(http, base + "/login");
        HttpResponse<String> signedIn = post(http, base + "/login", "email=" + enc(args[1]) + "&password=" + enc(args[2])
                + "&_csrf=" + enc(csrf(login)));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("operator sign-in failed: " + signedIn.statusCode());
        }
        for (int run = 1; run <= runs; run++) {
            String page = get(http, base + "/operator/alerts");
            long start = System.nanoTime();
            HttpResponse<String> result = post(http, base + "/operator/alerts/run", "_csrf=" + enc(csrf(page)));
            double roundTrip = (System.nanoTime() - start) / 1e6;
            String body = result.body();
            System.out.printf("alert run %d: server %s ms (round trip %.0f ms), ran=%s, alerts raised %s, companies %s%n",
                    run, attr(body, "data-millis"), roundTrip, attr(body, "data-ran"), attr(body, "data-raised"),
                    text(body, "Evaluated <strong>([0-9]+)</strong>"));
        }
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    static String attr(String body, String name) {
        return text(body, name + "=\"([^\"]*)\"");
    }

    static String text(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode());
        }
        return r.body();
    }

    static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
