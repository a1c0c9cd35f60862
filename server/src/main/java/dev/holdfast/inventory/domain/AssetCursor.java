package dev.holdfast.inventory.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dev.holdfast.platform.ProblemException;

/** The opaque {@code after} of a keyset page: the sort value and id of the last row, base64url. */
record AssetCursor(String value, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + "|" + value).getBytes(StandardCharsets.UTF_8));
    }

    static AssetCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new AssetCursor(raw.substring(bar + 1), UUID.fromString(raw.substring(0, bar)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalid("after", "is not a cursor this server gave out");
        }
    }
}
