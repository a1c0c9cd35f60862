package dev.holdfast.activity;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

public interface AuditTrail {
    void record(String action, String targetType, String targetId, @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after);

    List<AuditEvent> list(@Nullable String targetType, @Nullable String targetId, @Nullable Long beforeSeq, int limit);

    ChainVerification verify();
}
