-- Field data as uploaded by collectors: one row per batch, compressed, in day partitions by the day of the batch's
-- first observation (device clock corrected by the measured skew). Retention drops whole partitions.

CREATE TABLE field_batches
(
    tenant_id     uuid        NOT NULL,
    day           date        NOT NULL,
    device_id     uuid        NOT NULL,
    batch_id      uuid        NOT NULL,
    received_at   timestamptz NOT NULL,
    sent_at       timestamptz NOT NULL,
    skew_ms       bigint      NOT NULL,
    first_at      timestamptz NOT NULL,
    last_at       timestamptz NOT NULL,
    gps_count     int         NOT NULL,
    ble_count     int         NOT NULL,
    motion_count  int         NOT NULL,
    payload       bytea       NOT NULL, -- gzip of the batch JSON (as received when the upload was gzip)
    processed_at  timestamptz,
    PRIMARY KEY (tenant_id, day, device_id, batch_id)
) PARTITION BY RANGE (day);
ALTER TABLE field_batches ALTER COLUMN payload SET STORAGE EXTERNAL; -- already compressed: no second TOAST compression
SELECT enable_tenant_isolation('field_batches');
SELECT enable_installation_read('field_batches');
-- the tracking module's work queue: unprocessed batches, oldest first
CREATE INDEX field_batches_queue_idx ON field_batches (received_at) WHERE processed_at IS NULL;

-- Idempotency: a batch id is stored once per device, whenever it is re-sent (not partitioned, so the key is global).
CREATE TABLE ingest_receipts
(
    tenant_id   uuid        NOT NULL,
    device_id   uuid        NOT NULL,
    batch_id    uuid        NOT NULL,
    day         date        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, device_id, batch_id)
);
CREATE INDEX ingest_receipts_received_idx ON ingest_receipts (received_at);
SELECT enable_tenant_isolation('ingest_receipts');
SELECT enable_installation_read('ingest_receipts');

-- Creates the partition of one day (idempotent, safe on several nodes at once) with the tenant policy on it.
CREATE FUNCTION field_batches_ensure_partition(d date) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    part text := 'field_batches_' || to_char(d, 'YYYYMMDD');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('field_batches_partitions'));
    IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF field_batches FOR VALUES FROM (%L) TO (%L)', part, d, d + 1);
        PERFORM enable_tenant_isolation(part::regclass);
        PERFORM enable_installation_read(part::regclass);
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION field_batches_ensure_partition(date) FROM PUBLIC, ${appRole};
