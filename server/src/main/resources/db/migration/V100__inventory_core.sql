-- Inventory: assets and the reference data around them. Every table is tenant-owned (RLS), and
-- tenant_id leads every primary key, unique constraint and index (Citus-ready, fast per company).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories
(
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX categories_name_uq ON categories (tenant_id, lower(name));
SELECT enable_tenant_isolation('categories');

CREATE TABLE manufacturers
(
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX manufacturers_name_uq ON manufacturers (tenant_id, lower(name));
SELECT enable_tenant_isolation('manufacturers');

CREATE TABLE models
(
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    manufacturer_id uuid,
    category_id     uuid,
    model_number    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, manufacturer_id) REFERENCES manufacturers (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id)
);
CREATE UNIQUE INDEX models_name_uq ON models (tenant_id, lower(name), coalesce(manufacturer_id, '00000000-0000-0000-0000-000000000000'));
SELECT enable_tenant_isolation('models');

CREATE TABLE locations
(
    tenant_id  uuid             NOT NULL,
    id         uuid             NOT NULL,
    name       text             NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id  uuid,
    address    text,
    latitude   double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude  double precision CHECK (longitude BETWEEN -180 AND 180),
    radius_m   double precision CHECK (radius_m > 0),
    created_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES locations (tenant_id, id)
);
CREATE UNIQUE INDEX locations_name_uq ON locations (tenant_id, lower(name));
SELECT enable_tenant_isolation('locations');

CREATE TABLE status_labels
(
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind       text        NOT NULL CHECK (kind IN ('DEPLOYABLE', 'PENDING', 'UNDEPLOYABLE', 'ARCHIVED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX status_labels_name_uq ON status_labels (tenant_id, lower(name));
SELECT enable_tenant_isolation('status_labels');

CREATE TABLE departments
(
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX departments_name_uq ON departments (tenant_id, lower(name));
SELECT enable_tenant_isolation('departments');

-- People who can hold assets; they need not log in (user_id links one who does).
CREATE TABLE people
(
    tenant_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email           text,
    employee_number text,
    department_id   uuid,
    user_id         uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, department_id) REFERENCES departments (tenant_id, id)
);
CREATE UNIQUE INDEX people_employee_number_uq ON people (tenant_id, employee_number) WHERE employee_number IS NOT NULL;
CREATE INDEX people_name_idx ON people (tenant_id, lower(name), id);
SELECT enable_tenant_isolation('people');

CREATE TABLE assets
(
    tenant_id            uuid          NOT NULL,
    id                   uuid          NOT NULL,
    asset_tag            text          NOT NULL CHECK (length(asset_tag) BETWEEN 1 AND 100),
    name                 text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description          text,
    notes                text,
    serial_number        text,
    category_id          uuid,
    manufacturer_id      uuid,
    model_id             uuid,
    status_id            uuid,
    location_id          uuid,
    assigned_person_id   uuid,
    assigned_location_id uuid,
    assigned_asset_id    uuid,
    expected_checkin_on  date,
    purchase_date        date,
    purchase_cost        numeric(14, 2) CHECK (purchase_cost >= 0),
    order_number         text,
    vendor_id            uuid,
    warranty_months      int CHECK (warranty_months BETWEEN 0 AND 1200),
    warranty_expires_on  date,
    end_of_life_on       date,
    next_audit_on        date,
    last_audit_at        timestamptz,
    last_seen_at         timestamptz,
    custom_fields        jsonb         NOT NULL DEFAULT '{}',
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id),
    FOREIGN KEY (tenant_id, manufacturer_id) REFERENCES manufacturers (tenant_id, id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES models (tenant_id, id),
    FOREIGN KEY (tenant_id, status_id) REFERENCES status_labels (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, assigned_person_id) REFERENCES people (tenant_id, id),
    FOREIGN KEY (tenant_id, assigned_location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, assigned_asset_id) REFERENCES assets (tenant_id, id),
    CHECK (num_nonnulls(assigned_person_id, assigned_location_id, assigned_asset_id) <= 1),
    CHECK (assigned_asset_id IS NULL OR assigned_asset_id <> id)
);
SELECT enable_tenant_isolation('assets');
-- exact look-ups
CREATE UNIQUE INDEX assets_tag_uq ON assets (tenant_id, lower(asset_tag));
CREATE INDEX assets_serial_idx ON assets (tenant_id, serial_number) WHERE serial_number IS NOT NULL;
-- keyset pages per sort order, and per filter on the default order
CREATE INDEX assets_created_idx ON assets (tenant_id, created_at, id);
CREATE INDEX assets_updated_idx ON assets (tenant_id, updated_at, id);
CREATE INDEX assets_name_idx ON assets (tenant_id, lower(name), id);
CREATE INDEX assets_purchase_idx ON assets (tenant_id, purchase_date, id);
CREATE INDEX assets_status_idx ON assets (tenant_id, status_id, created_at, id);
CREATE INDEX assets_category_idx ON assets (tenant_id, category_id, created_at, id);
CREATE INDEX assets_location_idx ON assets (tenant_id, location_id, created_at, id);
CREATE INDEX assets_person_idx ON assets (tenant_id, assigned_person_id) WHERE assigned_person_id IS NOT NULL;
-- search: names and tags by prefix or similarity
CREATE INDEX assets_name_trgm ON assets USING gin (lower(name) gin_trgm_ops);
CREATE INDEX assets_tag_trgm ON assets USING gin (lower(asset_tag) gin_trgm_ops);

-- BLE tags and trackers on assets: a canonical tag id belongs to at most one asset per company.
CREATE TABLE asset_tags
(
    tenant_id  uuid        NOT NULL,
    tag_id     text        NOT NULL,
    asset_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, tag_id),
    FOREIGN KEY (tenant_id, asset_id) REFERENCES assets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX asset_tags_asset_idx ON asset_tags (tenant_id, asset_id);
SELECT enable_tenant_isolation('asset_tags');

-- Generated asset tags: one counter per company, taken under the row lock.
CREATE TABLE asset_tag_counters
(
    tenant_id uuid   NOT NULL PRIMARY KEY,
    next      bigint NOT NULL DEFAULT 1
);
SELECT enable_tenant_isolation('asset_tag_counters');
