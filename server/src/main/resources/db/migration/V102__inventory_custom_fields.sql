-- Custom fields per category: typed, optional or required, with a regex or a list of choices.
-- Values live in assets.custom_fields (jsonb, keyed by the field's key).
CREATE TABLE custom_fields
(
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    category_id uuid        NOT NULL,
    key         text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,49}$'),
    label       text        NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    type        text        NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'LIST')),
    required    boolean     NOT NULL DEFAULT false,
    pattern     text,
    options     text[]      NOT NULL DEFAULT '{}',
    position    int         NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX custom_fields_key_uq ON custom_fields (tenant_id, category_id, key);
SELECT enable_tenant_isolation('custom_fields');
