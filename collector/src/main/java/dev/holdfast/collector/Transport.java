package dev.holdfast.collector;

import java.io.IOException;
import java.util.Map;

/** How the collector reaches the server; {@link HttpUrlConnectionTransport} unless the host app brings its own. */
public interface Transport {

    /** The answer of the server: status and body. */
    record Response(int status, String body) {
    }

    Response send(String method, String url, Map<String, String> headers, byte[] body) throws IOException;
}
