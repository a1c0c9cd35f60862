package dev.holdfast.fleet.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Enrolment codes people can type: 16 characters of Crockford's base32 (80 random bits) in groups of four,
 * {@code 7KQ2-M9XD-4HTR-0BWE}. Typing is forgiving: case, spaces and dashes do not matter, and {@code O}, {@code I},
 * {@code L} read as {@code 0}, {@code 1}, {@code 1}. Stored only as the SHA-256 of the normalized form.
 */
public final class EnrollmentCodeFormat {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrollmentCodeFormat() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical form (16 characters, no dashes), or empty when the text cannot be a code. */
    public static Optional<String> normalize(String typed) {
        if (typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0) {
                return Optional.empty();
            }
            out.append(mapped);
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    static String hash(String normalized) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
