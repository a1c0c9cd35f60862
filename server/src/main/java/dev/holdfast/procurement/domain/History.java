package dev.holdfast.procurement.domain;

import java.util.List;
import java.util.UUID;

import dev.holdfast.activity.AuditEvent;
import dev.holdfast.activity.AuditTrail;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit events of one vendor, contract or licence, newest first (licence keys masked by the audit trail). */
@Service
public class History {

    /** What a history belongs to. */
    public enum Of {
        VENDOR(Vendors.AUDIT_TYPE), CONTRACT(Contracts.AUDIT_TYPE), LICENSE(Licenses.AUDIT_TYPE);

        final String auditType;

        Of(String auditType) {
            this.auditType = auditType;
        }
    }

    private final AuditTrail audit;

    History(AuditTrail audit) {
        this.audit = audit;
    }

    /** Call after checking that the record exists in the current company. */
    @Transactional(readOnly = true)
    public List<AuditEvent> of(Of what, UUID id, @Nullable Long beforeSeq, int limit) {
        return audit.list(what.auditType, id.toString(), beforeSeq, limit);
    }
}
