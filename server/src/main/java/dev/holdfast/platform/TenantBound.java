package dev.holdfast.platform;

import java.util.UUID;

/**
 * An authenticated caller that acts in exactly one company (a collector device, say): the security chain binds
 * {@link TenantContext} and {@link CurrentActor} from it for the request.
 */
public interface TenantBound {

    UUID tenantId();

    Actor actor();
}
