package dev.holdfast.platform;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction bound to a given tenant (or actor) — for code where the tenant is decided
 * inside the method (sign-up creates one, a login picks one), so {@code @Transactional} would begin too early.
 */
@Component
public class TenantTransactions {

    private final TransactionTemplate tx;
    private final TransactionTemplate separate;
    private final JdbcClient jdbc;

    TenantTransactions(PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.separate = new TransactionTemplate(transactionManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code work} in a transaction bound to {@code tenantId}. Inside a transaction already bound to that tenant
     * it joins it; inside one bound to another tenant (or none, e.g. an event listener's) it runs in a transaction of
     * its own — joining would leave the outer binding in force and row-level security would hide the tenant's rows.
     */
    public <T> T inTenant(UUID tenantId, Supplier<T> work) {
        boolean sameBinding = TransactionSynchronizationManager.isActualTransactionActive()
                && TenantContext.current().map(tenantId::equals).orElse(false);
        TransactionTemplate template = TransactionSynchronizationManager.isActualTransactionActive() && !sameBinding
                ? separate : tx;
        return TenantContext.callAs(tenantId, () -> template.execute(status -> work.get()));
    }

    public void inTenant(UUID tenantId, Runnable work) {
        inTenant(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** As {@code actor}, with no tenant: the user's own rows across companies (e.g. memberships). */
    public <T> T asActor(Actor actor, Supplier<T> work) {
        try (TenantContext.Scope ignored = CurrentActor.enter(actor)) {
            return tx.execute(status -> work.get());
        }
    }

    /**
     * Inside an installation-wide transaction (a worker that claimed every company's queued work), runs {@code work}
     * bound to one company — row-level security then admits only its rows, as in {@link #inTenant} — and goes back to
     * the installation scope afterwards, in the same transaction (the claimed rows stay locked).
     *
     * @throws IllegalStateException outside an installation-wide transaction
     */
    public <T> T rebound(UUID tenantId, Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TenantContext.isInstallationWide()) {
            throw new IllegalStateException("rebinding needs an installation-wide transaction");
        }
        bind(tenantId.toString(), "");
        try {
            return TenantContext.callAs(tenantId, work::get);
        } finally {
            bind("", "on");
        }
    }

    private void bind(String tenant, String scope) {
        jdbc.sql("select set_config('app.tenant_id', ?, true), set_config('app.installation_scope', ?, true)")
                .params(tenant, scope).query((rs, n) -> 1).list();
    }

    public <T> T installationWide(Supplier<T> work) {
        return TenantContext.callInstallationWide(() -> tx.execute(status -> work.get()));
    }
}
