-- Check-out / check-in history and physical audits of assets; per-company inventory settings.

CREATE TABLE asset_assignments
(
    tenant_id           uuid        NOT NULL,
    id                  uuid        NOT NULL,
    asset_id            uuid        NOT NULL,
    assignee_type       text        NOT NULL CHECK (assignee_type IN ('person', 'location', 'asset')),
    assignee_id         uuid        NOT NULL,
    checked_out_at      timestamptz NOT NULL DEFAULT now(),
    expected_checkin_on date,
    checked_in_at       timestamptz,
    checkout_note       text,
    checkin_note        text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES assets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX asset_assignments_asset_idx ON asset_assignments (tenant_id, asset_id, checked_out_at DESC);
CREATE UNIQUE INDEX asset_assignments_open_uq ON asset_assignments (tenant_id, asset_id) WHERE checked_in_at IS NULL;
SELECT enable_tenant_isolation('asset_assignments');
CREATE INDEX assets_expected_checkin_idx ON assets (tenant_id, expected_checkin_on, id) WHERE expected_checkin_on IS NOT NULL;

CREATE TABLE asset_audits
(
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    asset_id    uuid        NOT NULL,
    audited_at  timestamptz NOT NULL DEFAULT now(),
    audited_by  text        NOT NULL,
    location_id uuid,
    note        text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES assets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
);
CREATE INDEX asset_audits_asset_idx ON asset_audits (tenant_id, asset_id, audited_at DESC);
SELECT enable_tenant_isolation('asset_audits');
CREATE INDEX assets_next_audit_idx ON assets (tenant_id, next_audit_on, id) WHERE next_audit_on IS NOT NULL;

CREATE TABLE inventory_settings
(
    tenant_id             uuid NOT NULL PRIMARY KEY,
    audit_interval_months int  NOT NULL DEFAULT 12 CHECK (audit_interval_months BETWEEN 1 AND 120)
);
SELECT enable_tenant_isolation('inventory_settings');
