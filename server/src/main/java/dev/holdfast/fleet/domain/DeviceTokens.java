package dev.holdfast.fleet.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.fleet.DeviceCaller;
import dev.holdfast.platform.TenantContext;
import dev.holdfast.platform.TenantTransactions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Device credentials: {@code hfd_} + 256 random bits, shown once at enrolment, stored only as SHA-256 in the
 * narrow, installation-wide {@code device_tokens} table (looked up before the company is known); the device itself
 * is then read under its company's row-level security.
 *
 * <p>Every upload authenticates, so a successful look-up is remembered for {@link #REMEMBERED} (5 s) — two
 * database round trips and a transaction less per upload at thousands of uploads a second. Revoking a device or
 * changing its identifier forgets it on this node at once (after the commit); on other nodes, and for a suspended
 * company, the cached answer lasts at most those 5 s.
 */
@Component
public class DeviceTokens {

    public static final String PREFIX = "hfd_";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private record Holder(UUID tenantId, UUID deviceId) {
    }

    /** The device a token stands for (a fresh, mutable authentication is made from it for every request). */
    private record Known(UUID tenantId, UUID deviceId, String identifier) {
    }

    /** Token hash → the device it stands for, for {@link #REMEMBERED}. */
    private final Cache<String, Known> recent = Caffeine.newBuilder().expireAfterWrite(REMEMBERED)
            .maximumSize(100_000).build();

    private final JdbcClient jdbc;
    private final TenantTransactions transactions;

    DeviceTokens(JdbcClient jdbc, TenantTransactions transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A new token for the device, in the current tenant transaction; the device's earlier tokens stop working. */
    String issue(UUID deviceId) {
        UUID tenant = TenantContext.require();
        revokeAll(deviceId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into device_tokens (token_hash, tenant_id, device_id) values (?, ?, ?)")
                .params(hash(token), tenant, deviceId).update();
        return token;
    }

    void revokeAll(UUID deviceId) {
        forget(deviceId);
        jdbc.sql("update device_tokens set revoked_at = now() where tenant_id = ? and device_id = ? and revoked_at is null")
                .params(TenantContext.require(), deviceId).update();
    }

    /** The device a token stands for: unrevoked token, unrevoked device, active company. */
    public Optional<DeviceCaller> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Known known = recent.getIfPresent(hash);
        if (known != null) {
            return Optional.of(new DeviceCaller(known.tenantId(), known.deviceId(), known.identifier()));
        }
        Optional<Holder> holder = jdbc.sql(
                "select tenant_id, device_id from device_tokens where token_hash = ? and revoked_at is null")
                .param(hash).query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
        Optional<DeviceCaller> caller = holder.flatMap(h -> transactions.inTenant(h.tenantId(), () -> jdbc.sql("""
                select d.identifier from devices d
                where d.tenant_id = ? and d.id = ? and d.revoked_at is null
                  and exists (select 1 from companies c where c.id = d.tenant_id and c.status = 'ACTIVE')
                """).params(h.tenantId(), h.deviceId()).query(String.class).optional())
                .map(identifier -> new DeviceCaller(h.tenantId(), h.deviceId(), identifier)));
        caller.ifPresentOrElse(c -> recent.put(hash, new Known(c.tenantId(), c.deviceId(), c.identifier())),
                () -> recent.invalidate(hash));
        return caller;
    }

    /** Forgets cached look-ups of the device now and again after the current transaction commits. */
    void forget(UUID deviceId) {
        recent.asMap().values().removeIf(c -> c.deviceId().equals(deviceId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    recent.asMap().values().removeIf(c -> c.deviceId().equals(deviceId));
                }
            });
        }
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** One digest per thread: every upload hashes its token, and looking up the provider each time costs more. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
