package dev.holdfast.accounts.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, not one of the ~49,000 most common passwords (shipped as a resource), not the
 * e-mail address or its local part.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private final Set<String> common;

    PasswordPolicy() throws IOException {
        Set<String> words = new HashSet<>(65_536);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("accounts/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                }
            }
        }
        this.common = Set.copyOf(words);
    }

    /** Why the password is not acceptable, or empty when it is. */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("is one of the most common passwords; choose another");
        }
        String mail = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        int at = mail.indexOf('@');
        String local = at > 0 ? mail.substring(0, at) : mail;
        if (!mail.isEmpty() && (lower.equals(mail) || (local.length() >= 4 && lower.equals(local)))) {
            return Optional.of("must not be your e-mail address");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("is too repetitive");
        }
        return Optional.empty();
    }

    int size() {
        return common.size();
    }
}
