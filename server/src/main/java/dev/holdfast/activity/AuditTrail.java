package dev.holdfast.activity;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The audit history of the current company: who changed what, when and from where. Events are
 * append-only and hash-chained, so an edited, deleted or reordered event is detected by {@link #verify()}.
 */
public interface AuditTrail {

    /**
     * Appends an event for the current tenant's company (TenantContext must be set; call inside the caller's
     * transaction, after the change itself). Only the fields whose values differ between {@code before} and
     * {@code after} are stored; values of sensitive fields (passwords, tokens, secrets, keys, serial numbers,
     * notes) are masked as {@code "***"}. Pass {@code before = null} for a creation, {@code after = null} for a
     * deletion.
     */
    void record(String action, String targetType, String targetId, @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after);

    /**
     * Newest first; keyset pagination: {@code beforeSeq} null = first page, else the {@code seq} of the last
     * event of the previous page. Filters by target type and id when given.
     */
    List<AuditEvent> list(@Nullable String targetType, @Nullable String targetId, @Nullable Long beforeSeq,
            int limit);

    /** Recomputes the chain of the current tenant; tells the first broken sequence number if any. */
    ChainVerification verify();
}
