-- Usage logs: requests, login attempts and sessions. Partitioned by day (UTC) so that retention
-- (90 days by default) drops whole partitions instead of deleting rows. Partitions are created ahead
-- and dropped by the application's UsagePartitions job (as the owner, through SchemaMaintenance).
--
-- Row-level security. A row with a tenant belongs to that company: the usual tenant_isolation policy,
-- plus installation_read so the operator's installation-wide view reads every row. Some rows have no
-- company: failed logins of unknown users, requests before sign-in, the operator's own sessions. The
-- tenant policy's WITH CHECK rejects them (tenant_id = current_tenant_id() is never true for NULL), so
-- they belong to the installation instead: the application writes them in an installation-wide
-- transaction (TenantContext.callInstallationWide), which the installation_write policy admits for rows
-- whose tenant_id IS NULL only. Writes stay bound: a company cannot write a row for another company nor
-- one without a company, and installation scope cannot write a company's row. A NULL-tenant row is
-- visible only installation-wide. The same policies are put on every partition (usage_protect), so the
-- rules hold even for SQL that names a partition directly.

CREATE FUNCTION usage_protect(target regclass, updatable boolean) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM enable_tenant_isolation(target);
    PERFORM enable_installation_read(target);
    EXECUTE format('CREATE POLICY installation_write ON %s FOR INSERT '
                   'WITH CHECK (tenant_id IS NULL AND installation_scope())', target);
    IF updatable THEN
        EXECUTE format('CREATE POLICY installation_update ON %s FOR UPDATE '
                       'USING (tenant_id IS NULL AND installation_scope()) '
                       'WITH CHECK (tenant_id IS NULL AND installation_scope())', target);
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION usage_protect(regclass, boolean) FROM PUBLIC, ${appRole};

CREATE SEQUENCE usage_requests_id_seq;
CREATE TABLE usage_requests
(
    id          bigint      NOT NULL DEFAULT nextval('usage_requests_id_seq'),
    at          timestamptz NOT NULL,
    tenant_id   uuid,
    user_id     uuid,
    method      text        NOT NULL,
    route       text        NOT NULL,
    status      smallint    NOT NULL,
    duration_ms integer     NOT NULL,
    ip          text,
    request_id  text
) PARTITION BY RANGE (at);
ALTER SEQUENCE usage_requests_id_seq OWNED BY usage_requests.id;
CREATE INDEX usage_requests_tenant_idx ON usage_requests (tenant_id, at DESC, id DESC);
CREATE INDEX usage_requests_at_idx ON usage_requests (at DESC, id DESC);
SELECT usage_protect('usage_requests', false);

CREATE SEQUENCE usage_logins_id_seq;
CREATE TABLE usage_logins
(
    id         bigint      NOT NULL DEFAULT nextval('usage_logins_id_seq'),
    at         timestamptz NOT NULL,
    tenant_id  uuid,
    user_id    uuid,
    success    boolean     NOT NULL,
    reason     text        NOT NULL,
    ip         text,
    user_agent text
) PARTITION BY RANGE (at);
ALTER SEQUENCE usage_logins_id_seq OWNED BY usage_logins.id;
CREATE INDEX usage_logins_tenant_idx ON usage_logins (tenant_id, at DESC, id DESC);
CREATE INDEX usage_logins_at_idx ON usage_logins (at DESC, id DESC);
SELECT usage_protect('usage_logins', false);

-- at = when the session started (the partition key never changes when the session ends).
-- session_key is a SHA-256 of what the caller passes (itself a hash of the session id).
CREATE SEQUENCE usage_sessions_id_seq;
CREATE TABLE usage_sessions
(
    id          bigint      NOT NULL DEFAULT nextval('usage_sessions_id_seq'),
    at          timestamptz NOT NULL,
    tenant_id   uuid,
    user_id     uuid        NOT NULL,
    session_key text        NOT NULL,
    ip          text,
    user_agent  text,
    ended_at    timestamptz,
    duration_ms bigint,
    end_reason  text
) PARTITION BY RANGE (at);
ALTER SEQUENCE usage_sessions_id_seq OWNED BY usage_sessions.id;
CREATE INDEX usage_sessions_tenant_idx ON usage_sessions (tenant_id, at DESC, id DESC);
CREATE INDEX usage_sessions_at_idx ON usage_sessions (at DESC, id DESC);
CREATE INDEX usage_sessions_open_idx ON usage_sessions (session_key) WHERE ended_at IS NULL;
SELECT usage_protect('usage_sessions', true);

-- Creates the partition of one UTC day, with the parent's policies, unless it exists. Safe to run
-- from several nodes at once: the advisory lock serializes the check and the creation.
CREATE FUNCTION usage_ensure_partition(parent regclass, day date) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    part text := format('%s_p%s', parent::text, to_char(day, 'YYYYMMDD'));
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('holdfast.usage.partitions', 0));
    IF to_regclass(part) IS NOT NULL THEN
        RETURN;
    END IF;
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', part, parent,
                   day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
    PERFORM usage_protect(part::regclass, parent = 'usage_sessions'::regclass);
END
$$;
REVOKE EXECUTE ON FUNCTION usage_ensure_partition(regclass, date) FROM PUBLIC, ${appRole};
