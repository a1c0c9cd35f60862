-- Accounts: people who log in, companies (tenants), memberships with roles, invitations,
-- password resets, API tokens, installation settings and the operator's one-time setup.

CREATE TABLE companies
(
    id         uuid        NOT NULL PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status     text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    time_zone  text        NOT NULL DEFAULT 'UTC',
    created_at timestamptz NOT NULL DEFAULT now(),
    closed_at  timestamptz
);

-- One login for a person, whatever companies they belong to. Installation-wide by nature.
CREATE TABLE users
(
    id                  uuid        NOT NULL PRIMARY KEY,
    email               text        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash       text        NOT NULL,
    operator            boolean     NOT NULL DEFAULT false,
    disabled            boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    last_tenant_id      uuid REFERENCES companies (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX users_email_uq ON users (email);

CREATE TABLE memberships
(
    tenant_id  uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MANAGER', 'VIEWER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);
SELECT enable_tenant_isolation('memberships');

-- A person may read their own memberships in every company (to sign in and switch company):
-- the transaction manager sets app.user_id from the authenticated user.
CREATE FUNCTION current_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = current_user_id());
-- and the operator's console counts members of every company
SELECT enable_installation_read('memberships');

CREATE TABLE invitations
(
    tenant_id   uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id          uuid        NOT NULL,
    email       text        NOT NULL CHECK (email = lower(email)),
    role        text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MANAGER', 'VIEWER')),
    token_hash  text        NOT NULL,
    invited_by  uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX invitations_token_uq ON invitations (tenant_id, token_hash);
SELECT enable_tenant_isolation('invitations');

CREATE TABLE password_resets
(
    token_hash text        NOT NULL PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);

-- Personal API tokens. Looked up by hash before any company is known, so this table cannot be
-- behind the tenant policy; every other query on it filters by tenant_id and user_id in the application.
CREATE TABLE api_tokens
(
    id           uuid        NOT NULL PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE UNIQUE INDEX api_tokens_hash_uq ON api_tokens (token_hash);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, tenant_id);
COMMENT ON TABLE api_tokens IS 'rls-exempt: authentication looks tokens up by hash before the company is known; rows hold only SHA-256 hashes';

CREATE TABLE installation_settings
(
    key        text        NOT NULL PRIMARY KEY,
    value      text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE operator_setup_tokens
(
    token_hash text        NOT NULL PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

-- Spring Session JDBC (server-side sessions). PRINCIPAL_NAME holds the user id, not the e-mail.
CREATE TABLE spring_session
(
    primary_id            char(36) NOT NULL PRIMARY KEY,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes
(
    session_primary_id char(36)     NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
