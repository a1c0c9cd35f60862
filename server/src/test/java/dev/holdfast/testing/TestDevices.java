package dev.holdfast.testing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.platform.Actor;
import dev.holdfast.platform.BearerTokenAuthenticator;
import dev.holdfast.platform.TenantBound;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Test-only device credentials, {@code hft_<tenantId>_<deviceId>}, so the ingest endpoint can be tested on its own,
 * through the same security chain real device tokens take.
 */
@Configuration(proxyBeanMethods = false)
public class TestDevices {

    public static String token(UUID tenantId, UUID deviceId) {
        return "hft_" + tenantId + "_" + deviceId;
    }

    @Bean
    BearerTokenAuthenticator testDeviceTokens() {
        return new BearerTokenAuthenticator() {
            @Override
            public boolean supports(String token) {
                return token.startsWith("hft_");
            }

            @Override
            public Optional<Authentication> authenticate(String token) {
                String[] parts = token.split("_");
                return Optional.of(new Device(UUID.fromString(parts[1]), UUID.fromString(parts[2])));
            }
        };
    }

    static final class Device extends AbstractAuthenticationToken implements TenantBound {
        private final UUID tenant;
        private final UUID device;

        Device(UUID tenant, UUID device) {
            super(List.of(new SimpleGrantedAuthority("ROLE_DEVICE")));
            this.tenant = tenant;
            this.device = device;
            setAuthenticated(true);
        }

        @Override
        public UUID tenantId() {
            return tenant;
        }

        @Override
        public Actor actor() {
            return Actor.device(device, "test-device");
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return device;
        }
    }
}
