package dev.holdfast.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.holdfast.platform.RateLimit;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;

/**
 * The row of one bucket: {@code hash} is the SHA-256 hex of the limit (name, capacity, period) and the key,
 * so an IP or e-mail address given as key never reaches the table; {@code limitName} is kept readable for
 * the operator.
 */
record BucketId(String hash, String limitName) {

    static final PrimaryKeyMapper<BucketId> MAPPER = (statement, index, id) -> statement.setString(index, id.hash());

    static BucketId of(RateLimit limit, String key) {
        String shape = limit.name() + "/" + limit.capacity() + "/" + limit.period();
        return new BucketId(sha256Hex(shape + ":" + key), limit.name());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
