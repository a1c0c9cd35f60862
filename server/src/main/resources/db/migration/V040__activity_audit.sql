-- Audit history: append-only and hash-chained per company.
--
-- Each event's hash is SHA-256 over the previous event's hash followed by a canonical serialization of
-- the event's content (audit_event_hash below). Editing, deleting or reordering a row therefore breaks
-- the chain at that point, which AuditTrail.verify() reports. The application role may only INSERT and
-- SELECT events: UPDATE and DELETE are revoked from it.

CREATE TABLE audit_events
(
    tenant_id   uuid        NOT NULL,
    seq         bigint      NOT NULL,
    id          uuid        NOT NULL,
    at          timestamptz NOT NULL,
    actor_kind  text        NOT NULL,
    actor_id    uuid,
    actor_label text        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    changes     jsonb       NOT NULL,
    ip          text,
    user_agent  text,
    request_id  text,
    prev_hash   bytea       NOT NULL,
    hash        bytea       NOT NULL,
    PRIMARY KEY (tenant_id, seq),
    UNIQUE (tenant_id, id),
    CHECK (seq > 0),
    CHECK (octet_length(hash) = 32 AND octet_length(prev_hash) = 32)
);
-- An entity's history, newest first (GET /api/v1/assets/{id}/history and the like).
CREATE INDEX audit_events_target_idx ON audit_events (tenant_id, target_type, target_id, seq DESC);

SELECT enable_tenant_isolation('audit_events');
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${appRole};

-- The head of each company's chain: the last sequence number and hash. Appends lock this row
-- (SELECT ... FOR UPDATE through INSERT ... ON CONFLICT DO UPDATE), so concurrent appends of one company
-- are serialized and never fork the chain. verify() also compares it with the last event, which reveals
-- events cut off the end of the chain.
CREATE TABLE audit_chain_heads
(
    tenant_id uuid   NOT NULL PRIMARY KEY,
    seq       bigint NOT NULL,
    hash      bytea  NOT NULL
);
SELECT enable_tenant_isolation('audit_chain_heads');
REVOKE DELETE, TRUNCATE ON audit_chain_heads FROM ${appRole};

-- The canonical serialization: a JSON array of the content in a fixed order, rendered by jsonb (whose
-- text form is deterministic: object keys sorted, fixed spacing). Time as integer microseconds since the
-- epoch so that the session's time zone plays no part.
CREATE FUNCTION audit_event_hash(prev_hash bytea, tenant_id uuid, seq bigint, id uuid, at timestamptz,
                                 actor_kind text, actor_id uuid, actor_label text, action text,
                                 target_type text, target_id text, changes jsonb, ip text, user_agent text,
                                 request_id text) RETURNS bytea
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT sha256(prev_hash || convert_to(jsonb_build_array(
        'holdfast-audit-v1', tenant_id::text, seq, id::text, (extract(epoch FROM at) * 1000000)::bigint,
        actor_kind, actor_id::text, actor_label, action, target_type, target_id, changes, ip, user_agent,
        request_id)::text, 'UTF8'))
$$;
