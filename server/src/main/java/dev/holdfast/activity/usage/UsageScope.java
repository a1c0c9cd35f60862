package dev.holdfast.activity.usage;

import java.util.UUID;
import java.util.function.Supplier;

import dev.holdfast.platform.TenantContext;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs usage log writes in their own transaction bound to the row's company, or — for a row without a
 * company — installation-wide, which the {@code installation_write} policy admits for NULL-tenant rows only
 * (see V041). Independent of the caller's transaction and tenant.
 */
@Component
class UsageScope {

    private final TransactionTemplate write;
    private final TransactionTemplate read;

    UsageScope(PlatformTransactionManager transactions) {
        this.write = new TransactionTemplate(transactions);
        this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.read = new TransactionTemplate(transactions);
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.read.setReadOnly(true);
    }

    void write(@Nullable UUID tenant, Runnable work) {
        try (TenantContext.Scope ignored = TenantContext.enter(tenant)) {
            if (tenant != null) {
                write.executeWithoutResult(status -> work.run());
            } else {
                TenantContext.callInstallationWide(() -> {
                    write.executeWithoutResult(status -> work.run());
                    return null;
                });
            }
        }
    }

    /** A read across every company (and the rows of none). */
    <T> T readInstallationWide(Supplier<T> work) {
        try (TenantContext.Scope ignored = TenantContext.enter(null)) {
            return TenantContext.callInstallationWide(() -> read.execute(status -> work.get()));
        }
    }
}
