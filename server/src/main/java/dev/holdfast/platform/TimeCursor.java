package dev.holdfast.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A keyset position in a list ordered by time then id; opaque to callers ({@code ?after=}). Shared by every list paged by time. */
public record TimeCursor(Instant at, UUID id) {

    public String token() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor; 422 naming {@code after} when it is not one of ours. */
    public static @Nullable TimeCursor parse(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            long micros = Long.parseLong(text.substring(0, bar));
            return new TimeCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(text.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("after", "is not a valid cursor");
        }
    }

    /** 422 naming {@code size} unless 1..1000; default 50. */
    public static int size(@Nullable Integer size) {
        if (size == null) {
            return 50;
        }
        if (size < 1 || size > 1000) {
            throw ProblemException.invalid("size", "must be between 1 and 1000");
        }
        return size;
    }
}
