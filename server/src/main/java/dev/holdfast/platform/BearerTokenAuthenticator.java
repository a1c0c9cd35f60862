package dev.holdfast.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * A kind of bearer token other than personal API tokens (e.g. collector device tokens). The API security chain
 * asks every bean of this type, in turn, whether it {@link #supports} a presented token; the one that does decides.
 * The returned authentication should implement {@link TenantBound} so the request is bound to its company.
 */
public interface BearerTokenAuthenticator {

    /** Whether the token has this authenticator's shape (its prefix). */
    boolean supports(String token);

    /** The caller for a valid token; empty when it is unknown, expired or revoked (answered 401). */
    Optional<Authentication> authenticate(String token);
}
