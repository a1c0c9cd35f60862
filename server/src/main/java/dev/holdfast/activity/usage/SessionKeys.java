package dev.holdfast.activity.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What is stored for a session key: its SHA-256, so that even a caller that passes a raw session id by
 * mistake does not leave a usable session id in the table. The same key always maps to the same value.
 */
final class SessionKeys {

    private SessionKeys() {
    }

    static String stored(String sessionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
