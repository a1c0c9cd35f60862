package dev.holdfast.simulator;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.holdfast.collector.Transport;

/** Counts what the collectors' uploads got back: answers by status, failures by kind, bytes sent. */
final class CountingTransport implements Transport {

    private final Transport delegate;
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final AtomicLong bytesSent = new AtomicLong();
    final LongAdder accepted = new LongAdder();

    CountingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response send(String method, String url, Map<String, String> headers, byte[] body) throws IOException {
        try {
            Response r = delegate.send(method, url, headers, body);
            bytesSent.addAndGet(body.length);
            outcomes.computeIfAbsent(String.valueOf(r.status()), k -> new LongAdder()).increment();
            if (r.status() == 202) {
                accepted.increment();
            }
            return r;
        } catch (IOException e) {
            outcomes.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            throw e;
        }
    }

    /** Answers other than 202, e.g. {@code {422=1, ConnectException=3}}. */
    String errors() {
        StringBuilder s = new StringBuilder();
        outcomes.forEach((k, v) -> {
            if (!k.equals("202")) {
                s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v.sum());
            }
        });
        return s.length() == 0 ? "none" : s.toString();
    }

    long errorCount() {
        return outcomes.entrySet().stream().filter(e -> !e.getKey().equals("202")).mapToLong(e -> e.getValue().sum()).sum();
    }
}
