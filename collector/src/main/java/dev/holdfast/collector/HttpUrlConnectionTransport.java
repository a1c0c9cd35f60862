package dev.holdfast.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@link Transport} over {@link HttpURLConnection}, which Android and every JDK have. */
public final class HttpUrlConnectionTransport implements Transport {

    private final int timeoutMillis;

    public HttpUrlConnectionTransport(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Response send(String method, String url, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            c.setRequestMethod(method);
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            headers.forEach(c::setRequestProperty);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, text);
        } finally {
            c.disconnect();
        }
    }
}
