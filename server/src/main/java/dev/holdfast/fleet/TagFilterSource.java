package dev.holdfast.fleet;

import java.util.UUID;

/**
 * Implemented (as a Spring bean) by the module that knows a company's registered tags: narrows the filter admins set
 * to what the company's tags need, so collectors upload only the company's tags' advertisements.
 */
public interface TagFilterSource {

    BleFilter narrow(UUID tenantId, BleFilter configured);
}
