-- Procurement: vendors (suppliers) and their audits, contracts, software licences and their seats, and a
-- per-company setting. Every table is tenant-owned (RLS); tenant_id leads every key and index, and references to
-- assets and people are composite with tenant_id, so a row can never point into another company.

CREATE TABLE vendors
(
    tenant_id            uuid        NOT NULL,
    id                   uuid        NOT NULL,
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    contact_name         text,
    email                text,
    phone                text,
    website              text,
    address              text,
    notes                text,
    audit_cadence_months int CHECK (audit_cadence_months BETWEEN 1 AND 120),
    last_audit_on        date,
    last_audit_result    text CHECK (last_audit_result IN ('PASSED', 'CONCERNS', 'FAILED')),
    created_on           date        NOT NULL DEFAULT current_date,
    -- the next audit is one cadence after the last one (after the vendor was added, when never audited)
    next_audit_due       date GENERATED ALWAYS AS (
        CASE WHEN audit_cadence_months IS NULL THEN NULL
             ELSE (coalesce(last_audit_on, created_on) + make_interval(months => audit_cadence_months))::date END
        ) STORED,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
SELECT enable_tenant_isolation('vendors');
CREATE INDEX vendors_name_idx ON vendors (tenant_id, lower(name), id);
CREATE INDEX vendors_created_idx ON vendors (tenant_id, created_at, id);
CREATE INDEX vendors_updated_idx ON vendors (tenant_id, updated_at, id);
CREATE INDEX vendors_audit_due_idx ON vendors (tenant_id, next_audit_due) WHERE next_audit_due IS NOT NULL;
CREATE INDEX vendors_name_trgm ON vendors USING gin (lower(name) gin_trgm_ops);

-- Every recorded audit of a vendor (the vendor row keeps the latest).
CREATE TABLE vendor_audits
(
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    vendor_id   uuid        NOT NULL,
    audited_on  date        NOT NULL,
    result      text        NOT NULL CHECK (result IN ('PASSED', 'CONCERNS', 'FAILED')),
    notes       text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES vendors (tenant_id, id) ON DELETE CASCADE
);
SELECT enable_tenant_isolation('vendor_audits');
CREATE INDEX vendor_audits_vendor_idx ON vendor_audits (tenant_id, vendor_id, audited_on DESC);

CREATE TABLE contracts
(
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    vendor_id   uuid        NOT NULL,
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    number      text,
    starts_on   date,
    ends_on     date,
    renewal_on  date,
    notice_days int CHECK (notice_days BETWEEN 0 AND 3650),
    auto_renew  boolean     NOT NULL DEFAULT false,
    value       numeric(14, 2) CHECK (value >= 0),
    currency    text CHECK (currency ~ '^[A-Z]{3}$'),
    notes       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES vendors (tenant_id, id),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
SELECT enable_tenant_isolation('contracts');
CREATE INDEX contracts_vendor_idx ON contracts (tenant_id, vendor_id);
CREATE INDEX contracts_title_idx ON contracts (tenant_id, lower(title), id);
CREATE INDEX contracts_created_idx ON contracts (tenant_id, created_at, id);
CREATE INDEX contracts_updated_idx ON contracts (tenant_id, updated_at, id);
CREATE INDEX contracts_ends_idx ON contracts (tenant_id, ends_on) WHERE ends_on IS NOT NULL;
CREATE INDEX contracts_renewal_idx ON contracts (tenant_id, renewal_on) WHERE renewal_on IS NOT NULL;
CREATE INDEX contracts_title_trgm ON contracts USING gin (lower(title) gin_trgm_ops);

-- The assets a contract covers (support, leasing, maintenance).
CREATE TABLE contract_assets
(
    tenant_id   uuid NOT NULL,
    contract_id uuid NOT NULL,
    asset_id    uuid NOT NULL,
    PRIMARY KEY (tenant_id, contract_id, asset_id),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, asset_id) REFERENCES assets (tenant_id, id) ON DELETE CASCADE
);
SELECT enable_tenant_isolation('contract_assets');
CREATE INDEX contract_assets_asset_idx ON contract_assets (tenant_id, asset_id);

CREATE TABLE licenses
(
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    product       text        NOT NULL CHECK (length(product) BETWEEN 1 AND 200),
    vendor_id     uuid,
    contract_id   uuid,
    license_key   text,
    seats         int         NOT NULL CHECK (seats BETWEEN 0 AND 1000000),
    purchase_date date,
    purchase_cost numeric(14, 2) CHECK (purchase_cost >= 0),
    expires_on    date,
    notes         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES vendors (tenant_id, id) ON DELETE SET NULL (vendor_id),
    FOREIGN KEY (tenant_id, contract_id) REFERENCES contracts (tenant_id, id) ON DELETE SET NULL (contract_id)
);
SELECT enable_tenant_isolation('licenses');
CREATE INDEX licenses_product_idx ON licenses (tenant_id, lower(product), id);
CREATE INDEX licenses_created_idx ON licenses (tenant_id, created_at, id);
CREATE INDEX licenses_updated_idx ON licenses (tenant_id, updated_at, id);
CREATE INDEX licenses_vendor_idx ON licenses (tenant_id, vendor_id) WHERE vendor_id IS NOT NULL;
CREATE INDEX licenses_contract_idx ON licenses (tenant_id, contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX licenses_expires_idx ON licenses (tenant_id, expires_on) WHERE expires_on IS NOT NULL;
CREATE INDEX licenses_product_trgm ON licenses USING gin (lower(product) gin_trgm_ops);

-- A seat of a licence held by one person or one asset.
CREATE TABLE license_seats
(
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    license_id  uuid        NOT NULL,
    person_id   uuid,
    asset_id    uuid,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, license_id) REFERENCES licenses (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, asset_id) REFERENCES assets (tenant_id, id) ON DELETE CASCADE,
    CHECK (num_nonnulls(person_id, asset_id) = 1)
);
SELECT enable_tenant_isolation('license_seats');
-- counts per licence (list pages, capacity alerts) read only this index
CREATE INDEX license_seats_license_idx ON license_seats (tenant_id, license_id, assigned_at, id);
CREATE UNIQUE INDEX license_seats_person_uq ON license_seats (tenant_id, license_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX license_seats_asset_uq ON license_seats (tenant_id, license_id, asset_id) WHERE asset_id IS NOT NULL;
CREATE INDEX license_seats_person_idx ON license_seats (tenant_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX license_seats_asset_idx ON license_seats (tenant_id, asset_id) WHERE asset_id IS NOT NULL;

-- One row per company that changed a procurement setting (absent = defaults).
CREATE TABLE procurement_settings
(
    tenant_id             uuid        NOT NULL PRIMARY KEY,
    allow_over_allocation boolean     NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_isolation('procurement_settings');
