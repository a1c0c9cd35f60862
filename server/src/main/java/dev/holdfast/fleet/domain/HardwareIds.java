package dev.holdfast.fleet.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes of a device's hardware id (Android ID), so the raw id is never stored: the default identifier is
 * {@code HMAC-SHA256(secret, hardwareId)} as hex, cut to {@value #IDENTIFIER_LENGTH} characters; the
 * re-enrolment key is a separate HMAC (domain-separated, so it does not reveal the identifier). The secret is
 * generated once per installation and kept in {@code fleet_installation_secret}, so every app node derives the
 * same values.
 */
@Component
public class HardwareIds {

    static final int IDENTIFIER_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private volatile byte @Nullable [] secret;

    HardwareIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The default identifier of a device with this hardware id. */
    public String identifier(String hardwareId) {
        return hmac(hardwareId).substring(0, IDENTIFIER_LENGTH);
    }

    /** What recognises the same device enrolling again (full HMAC, another message than the identifier's). */
    public String enrolmentKey(String hardwareId) {
        return hmac("hardware-key:" + hardwareId);
    }

    /** A random identifier (rotation, or when the derived one is taken): same shape as derived ones. */
    public static String randomIdentifier() {
        byte[] bytes = new byte[IDENTIFIER_LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            // the first node to get here creates it; everyone then reads the one stored
            jdbc.sql("insert into fleet_installation_secret (id, secret) values (1, ?) on conflict (id) do nothing")
                    .param(fresh).update();
            known = jdbc.sql("select secret from fleet_installation_secret where id = 1").query(byte[].class).single();
            secret = known;
        }
        return known;
    }
}
