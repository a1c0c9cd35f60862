package dev.holdfast.testing;

import java.io.IOException;
import java.net.ServerSocket;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.jspecify.annotations.Nullable;

/** Reading mails a real SMTP server (GreenMail) received, and the free port it listens on. */
public final class Mails {

    private Mails() {
    }

    /** The first body part of {@code type} ({@code text/plain}, {@code text/html}), however deeply nested. */
    public static String part(Part message, String type) throws Exception {
        String found = partOrNull(message, type);
        if (found == null) {
            throw new AssertionError("no " + type + " part");
        }
        return found;
    }

    public static @Nullable String partOrNull(Part message, String type) throws Exception {
        if (message.isMimeType(type)) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = partOrNull(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A port nothing listens on now (for the test SMTP server, set before the application context starts). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
