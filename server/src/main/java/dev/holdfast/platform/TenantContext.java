package dev.holdfast.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The company (tenant) the current thread acts for. Every transaction binds it to the database session
 * ({@code SET LOCAL app.tenant_id}) so row-level security admits only that company's rows; with no tenant
 * set, tenant tables look empty.
 */
public final class TenantContext {

    private static final ThreadLocal<@Nullable UUID> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> INSTALLATION_WIDE = ThreadLocal.withInitial(() -> false);

    private TenantContext() {
    }

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant; fails when none is set. */
    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("no tenant in context");
        }
        return tenant;
    }

    /** Sets the tenant until the returned scope is closed, then restores the previous one. */
    public static Scope enter(@Nullable UUID tenant) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenant);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static <T> T callAs(UUID tenant, Supplier<T> work) {
        try (Scope ignored = enter(tenant)) {
            return work.get();
        }
    }

    public static void runAs(UUID tenant, Runnable work) {
        try (Scope ignored = enter(tenant)) {
            work.run();
        }
    }

    /**
     * Runs {@code work} with installation-wide read access: transactions started inside it set
     * {@code app.installation_scope = 'on'}, which the SELECT policies added by
     * {@code enable_installation_read(table)} admit. Only for the operator's views and jobs that must see
     * every company (usage logs, device health); tenant tables without that policy stay closed.
     */
    public static <T> T callInstallationWide(Supplier<T> work) {
        boolean previous = INSTALLATION_WIDE.get();
        INSTALLATION_WIDE.set(true);
        try {
            return work.get();
        } finally {
            INSTALLATION_WIDE.set(previous);
        }
    }

    public static boolean isInstallationWide() {
        return INSTALLATION_WIDE.get();
    }

    /** Restores the previous tenant on close. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
