package dev.holdfast.notifications.outbox;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Why an attempt failed, and whether trying again can help. An SMTP reply 5xx is permanent (the server
 * refused this mail), 4xx and everything else — no connection, a timeout, failed authentication, which
 * the operator may still fix — is temporary. The description is stored and shown to the operator, so
 * addresses are cut out of it (servers quote them: {@code 550 5.1.1 <bob@example.com>: unknown}).
 */
record SendFailure(boolean permanent, String description) {

    private static final Pattern REPLY = Pattern.compile("^\\s*([2-5])(\\d\\d)[ -]");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
    private static final int MAX_LENGTH = 300;

    static SendFailure of(Exception e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return new SendFailure(true, "message could not be built: " + sanitize(rootMessage(e)));
        }
        for (Throwable cause : causes(e)) {
            Matcher reply = cause instanceof MessagingException && cause.getMessage() != null
                    ? REPLY.matcher(cause.getMessage()) : null;
            if (reply != null && reply.find()) {
                boolean permanent = reply.group(1).equals("5") && !(e instanceof MailAuthenticationException);
                return new SendFailure(permanent, "SMTP " + sanitize(cause.getMessage()));
            }
        }
        String prefix = e instanceof MailAuthenticationException ? "SMTP authentication failed: " : "";
        return new SendFailure(false, prefix + sanitize(rootMessage(e)));
    }

    static String sanitize(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "(no detail)";
        }
        String clean = ADDRESS.matcher(text).replaceAll("<address>").replaceAll("\\s+", " ").strip();
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** The exception, its causes, and the per-message exceptions Spring's sender collects, each once. */
    private static List<Throwable> causes(Throwable top) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> queue = new ArrayList<>(List.of(top));
        while (!queue.isEmpty()) {
            Throwable t = queue.remove(0);
            if (!seen.add(t)) {
                continue;
            }
            found.add(t);
            if (t instanceof MailSendException send) {
                for (Map.Entry<Object, Exception> failed : send.getFailedMessages().entrySet()) {
                    queue.add(failed.getValue());
                }
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                queue.add(m.getNextException());
            }
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
        }
        return found;
    }

    private static String rootMessage(Exception e) {
        List<Throwable> all = causes(e);
        Throwable root = all.get(all.size() - 1);
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
