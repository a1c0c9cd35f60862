package dev.holdfast.tracking.osmand;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of {@code fixtures/osmand-requests.txt}: copied verbatim from traccar/traccar's
 * OsmAndProtocolDecoderTest (see the file's header), one per line, a query form or a JSON body.
 */
public final class OsmAndFixtures {

    /** One captured request: its query string (GET) or JSON body (POST). */
    public record Request(String line, String method, String query, String body) {

        public Map<String, String[]> parameters() {
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            Map<String, String[]> params = new LinkedHashMap<>();
            all.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
            return params;
        }
    }

    public static List<Request> load() throws IOException {
        String text;
        try (InputStream in = OsmAndFixtures.class.getResourceAsStream("/fixtures/osmand-requests.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Request> requests = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("GET /?")) {
                String rest = line.substring("GET /?".length());
                requests.add(new Request(line, "GET", rest.substring(0, rest.indexOf(' ')).strip(), ""));
            } else if (line.startsWith("POST / [Content-Type: application/json] ")) {
                String rest = line.substring("POST / [Content-Type: application/json] ".length());
                requests.add(new Request(line, "POST", "", rest.substring(0, rest.lastIndexOf("   # ")).strip()));
            }
        }
        return requests;
    }

    private OsmAndFixtures() {
    }
}
