package dev.holdfast.accounts.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as accounts keep them: trimmed, lower case, plausibly shaped. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean valid(String normalized) {
        return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
    }
}
