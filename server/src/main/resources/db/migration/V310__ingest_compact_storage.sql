-- Field data in a compact binary columnar form (protocol.CompactBatchCodec, about 5 bytes per observation instead of
-- about 12.5 for the gzip of the JSON). Rows written before keep format 0 and stay readable.
-- 0 = gzip of the batch JSON, 1 = CompactBatchCodec (raw deflate of the columnar encoding).
ALTER TABLE field_batches ADD COLUMN format smallint NOT NULL DEFAULT 0;

-- The tracking worker claims unprocessed batches of every company (FieldBatches.claim, FOR UPDATE SKIP LOCKED) and
-- marks them processed; it runs installation-wide, so the installation scope may lock and update rows here. Only
-- system code enters that scope (TenantContext.callInstallationWide); inserts and deletes stay bound to the tenant.
CREATE POLICY installation_queue ON field_batches FOR UPDATE USING (installation_scope()) WITH CHECK (installation_scope());

-- A company may keep its field data for less time than the installation's retention (HOLDFAST_FIELD_RETENTION).
CREATE TABLE field_data_settings
(
    tenant_id      uuid PRIMARY KEY,
    retention_days int         NOT NULL CHECK (retention_days >= 1),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_isolation('field_data_settings');
SELECT enable_installation_read('field_data_settings');
