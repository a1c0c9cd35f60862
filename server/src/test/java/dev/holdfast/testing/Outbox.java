package dev.holdfast.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads what the application queued for a recipient in the mail outbox (the worker then delivers it). */
public final class Outbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Outbox() {
    }

    public static int count(JdbcClient jdbc, String recipient, String kind) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ? and kind = ?").params(recipient, kind)
                .query(Integer.class).single();
    }

    /** The path and query of the first link in the newest mail of {@code kind} to {@code recipient}. */
    public static String linkPath(JdbcClient jdbc, String recipient, String kind) {
        String body = jdbc.sql("select text_body from mail_outbox where recipient = ? and kind = ? "
                + "order by created_at desc limit 1").params(recipient, kind).query(String.class).single();
        Matcher m = LINK.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no link in the mail");
        }
        return m.group().replaceFirst("https?://[^/]+", "");
    }
}
