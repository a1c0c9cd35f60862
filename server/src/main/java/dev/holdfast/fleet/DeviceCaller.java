package dev.holdfast.fleet;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.TenantBound;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A collector device authenticated by its {@code hfd_} token, acting in its company with authority
 * {@code ROLE_DEVICE}. The ingest module reads the caller with {@link #current()}.
 */
public final class DeviceCaller extends AbstractAuthenticationToken implements TenantBound {

    public static final String AUTHORITY = "ROLE_DEVICE";

    private final UUID tenantId;
    private final UUID deviceId;
    private final String identifier;

    public DeviceCaller(UUID tenantId, UUID deviceId, String identifier) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.tenantId = tenantId;
        this.deviceId = deviceId;
        this.identifier = identifier;
        setAuthenticated(true);
    }

    /** The device calling in this request, if the caller is one. */
    public static Optional<DeviceCaller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof DeviceCaller d ? Optional.of(d) : Optional.empty();
    }

    public static DeviceCaller require() {
        return current().orElseThrow(() -> new IllegalStateException("the caller is not a device"));
    }

    @Override
    public UUID tenantId() {
        return tenantId;
    }

    public UUID deviceId() {
        return deviceId;
    }

    /** The device's current pseudonymous identifier. */
    public String identifier() {
        return identifier;
    }

    @Override
    public Actor actor() {
        return Actor.device(deviceId, identifier);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return deviceId;
    }

    @Override
    public String getName() {
        return deviceId.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceCaller d && d.deviceId.equals(deviceId) && d.tenantId.equals(tenantId)
                && d.identifier.equals(identifier);
    }

    @Override
    public int hashCode() {
        return deviceId.hashCode();
    }
}
