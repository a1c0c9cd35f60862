package dev.holdfast.fleet.security;

import java.util.Optional;

import dev.holdfast.fleet.DeviceCaller;
import dev.holdfast.fleet.domain.DeviceTokens;
import dev.holdfast.platform.BearerTokenAuthenticator;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** {@code Authorization: Bearer hfd_…}: a collector device, as a {@link DeviceCaller} bound to its company. */
@Component
class DeviceTokenAuthenticator implements BearerTokenAuthenticator {

    private final DeviceTokens tokens;

    DeviceTokenAuthenticator(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supports(String token) {
        return token.startsWith(DeviceTokens.PREFIX);
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        return tokens.authenticate(token).map(Authentication.class::cast);
    }
}
