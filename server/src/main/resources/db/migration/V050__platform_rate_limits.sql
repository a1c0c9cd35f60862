-- Rate-limit buckets shared by every app node (Bucket4j, select-for-update). Installation-wide:
-- buckets belong to callers (IPs, users, devices), not to a company, so there is no tenant_id.
-- UNLOGGED: no WAL for a write on every limited request; after a database crash the table starts
-- empty, which only means every bucket starts full again.
CREATE UNLOGGED TABLE rate_limit_buckets (
    -- SHA-256 hex of the limit and its key: keys may be IP or e-mail addresses and are never stored
    id           text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
    -- Bucket4j's serialized state; NULL only between a bucket's creation and its first use
    state        bytea,
    limit_name   text,
    -- when a token was last asked for; IdleBucketCleanup deletes buckets idle for more than a day
    last_used_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE rate_limit_buckets IS 'Rate-limit buckets (Bucket4j), shared by all app nodes; keys stored hashed';
