-- Fleet: collector devices, their enrolment codes, tokens, identifiers, per-company settings and the
-- latest health report (telemetry) of each device. Nothing here holds a location, and no raw hardware id
-- (Android ID) is stored: only keyed hashes of it.

-- The installation's secret for the keyed hashes (HMAC-SHA256) of hardware ids. One row, created by the
-- application on first use; kept in the database so every app node derives the same identifiers.
CREATE TABLE fleet_installation_secret
(
    id         smallint    NOT NULL PRIMARY KEY CHECK (id = 1),
    secret     bytea       NOT NULL CHECK (length(secret) >= 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- What the company's collectors keep of BLE advertisements.
CREATE TABLE fleet_settings
(
    tenant_id     uuid        NOT NULL PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    ble_families  text[]      NOT NULL DEFAULT '{ibeacon,altbeacon,eddystone}',
    ibeacon_uuids uuid[]      NOT NULL DEFAULT '{}',
    updated_at    timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_isolation('fleet_settings');

CREATE TABLE enrollment_codes
(
    tenant_id  uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    created_by uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    max_uses   int         NOT NULL CHECK (max_uses >= 1),
    uses       int         NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX enrollment_codes_created_idx ON enrollment_codes (tenant_id, created_at DESC, id DESC);
SELECT enable_tenant_isolation('enrollment_codes');

-- Enrolment presents only the code: its hash leads to the company, then everything else happens under
-- that company's row-level security.
CREATE TABLE enrollment_code_lookup
(
    code_hash text NOT NULL PRIMARY KEY,
    tenant_id uuid NOT NULL,
    code_id   uuid NOT NULL,
    FOREIGN KEY (tenant_id, code_id) REFERENCES enrollment_codes (tenant_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE enrollment_code_lookup IS 'rls-exempt: enrolment finds the company of a code by its hash before any company is known; rows hold only SHA-256 hashes and ids';

CREATE TABLE devices
(
    tenant_id          uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id                 uuid        NOT NULL,
    -- HMAC-SHA256(installation secret, 'hardware-key:' || hardware id): recognises a re-enrolling device
    hardware_key       text        NOT NULL,
    identifier         text        NOT NULL,
    identifier_kind    text        NOT NULL CHECK (identifier_kind IN ('DERIVED', 'CUSTOM', 'RANDOM')),
    model              text        CHECK (length(model) <= 100),
    app_version        text        CHECK (length(app_version) <= 50),
    enrolled_at        timestamptz NOT NULL DEFAULT now(),
    enrollment_code_id uuid,
    last_upload_at     timestamptz,
    revoked_at         timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX devices_hardware_uq ON devices (tenant_id, hardware_key);
CREATE UNIQUE INDEX devices_identifier_uq ON devices (tenant_id, identifier);
CREATE INDEX devices_enrolled_idx ON devices (tenant_id, enrolled_at DESC, id DESC);
SELECT enable_tenant_isolation('devices');
SELECT enable_installation_read('devices');

-- Every identifier a device has had and when: field data is attributed to the identifier valid at the
-- time it was recorded; erasure reaches the data of all of them. An identifier is never given out twice
-- in a company, so a rotated one cannot be linked to new data.
CREATE TABLE device_identifiers
(
    tenant_id  uuid        NOT NULL,
    device_id  uuid        NOT NULL,
    identifier text        NOT NULL,
    valid_from timestamptz NOT NULL,
    valid_to   timestamptz,
    PRIMARY KEY (tenant_id, device_id, valid_from),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX device_identifiers_uq ON device_identifiers (tenant_id, identifier);
SELECT enable_tenant_isolation('device_identifiers');

CREATE TABLE device_tokens
(
    token_hash text        NOT NULL PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    device_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX device_tokens_device_idx ON device_tokens (tenant_id, device_id);
COMMENT ON TABLE device_tokens IS 'rls-exempt: authentication looks device tokens up by hash before the company is known; rows hold only SHA-256 hashes and ids';

-- The latest health report of each device (one row per device, overwritten). Read by the operator only.
CREATE TABLE device_telemetry
(
    tenant_id       uuid        NOT NULL,
    device_id       uuid        NOT NULL,
    reported_at     timestamptz NOT NULL,
    app_version     text,
    os_version      text,
    battery_pct     smallint CHECK (battery_pct BETWEEN 0 AND 100),
    pending_batches int CHECK (pending_batches >= 0),
    last_upload_at  timestamptz,
    permissions     jsonb       NOT NULL DEFAULT '{}',
    last_error      text,
    PRIMARY KEY (tenant_id, device_id),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);
SELECT enable_tenant_isolation('device_telemetry');
SELECT enable_installation_read('device_telemetry');
