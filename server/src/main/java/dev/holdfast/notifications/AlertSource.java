package dev.holdfast.notifications;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
/** Implemented (as a Spring bean) by modules that own alert inputs. */
public interface AlertSource {
    Set<AlertKind> kinds();
    /**
     * Emits every condition of `kind` that is true on `today` for the current company. Called inside a read transaction
     * bound to the company (TenantContext is set; RLS applies). Must be a set-based query (the evaluation of 1,000,000
     * assets and 10,000 licences must finish within 30 s), streaming rows to `out`.
     */
    void findConditions(AlertKind kind, AlertThreshold threshold, LocalDate today, Consumer<AlertCondition> out);
}
