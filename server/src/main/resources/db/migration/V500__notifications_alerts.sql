-- Alerts (notifications module): per-company settings, the alerts raised from conditions reported by the
-- AlertSource beans of other modules, in-app notifications of their recipients, and the lock table of the
-- cluster-wide alert job.

-- Company-wide alert settings: the zone and hour of the daily digest, and when the last digest went out.
CREATE TABLE alert_settings
(
    tenant_id      uuid        NOT NULL PRIMARY KEY,
    time_zone      text        NOT NULL DEFAULT 'UTC',
    digest_hour    int         NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
    last_digest_on date,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
SELECT enable_tenant_isolation('alert_settings');

-- One row per company and kind once an Admin saved the settings; defaults apply without a row.
CREATE TABLE alert_kind_settings
(
    tenant_id    uuid    NOT NULL,
    kind         text    NOT NULL,
    enabled      boolean NOT NULL,
    days         int     NOT NULL CHECK (days BETWEEN 1 AND 365),
    percent      int     NOT NULL CHECK (percent BETWEEN 1 AND 100),
    roles        text[]  NOT NULL,
    extra_emails text[]  NOT NULL,
    delivery     text    NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DIGEST')),
    PRIMARY KEY (tenant_id, kind)
);
SELECT enable_tenant_isolation('alert_kind_settings');

-- An alert is raised once per condition (tenant, kind, key) and stays open while the condition is reported;
-- it is cleared when the key is no longer reported, and a new row is raised if it comes back.
CREATE TABLE alerts
(
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    kind           text        NOT NULL,
    key            text        NOT NULL,
    title          text        NOT NULL,
    message        text        NOT NULL,
    link           text        NOT NULL,
    raised_at      timestamptz NOT NULL,
    cleared_at     timestamptz,
    digest_pending boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, id)
);
-- at most one open alert per condition: concurrent evaluations cannot raise it twice
CREATE UNIQUE INDEX alerts_open_uq ON alerts (tenant_id, kind, key) WHERE cleared_at IS NULL;
CREATE INDEX alerts_open_recent_idx ON alerts (tenant_id, raised_at DESC) WHERE cleared_at IS NULL;
CREATE INDEX alerts_digest_idx ON alerts (tenant_id, raised_at) WHERE digest_pending;
SELECT enable_tenant_isolation('alerts');

-- In-app notifications: one per alert and recipient member.
CREATE TABLE notifications
(
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    alert_id   uuid,
    kind       text        NOT NULL,
    title      text        NOT NULL,
    message    text        NOT NULL,
    link       text,
    created_at timestamptz NOT NULL,
    read_at    timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX notifications_user_idx ON notifications (tenant_id, user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (tenant_id, user_id) WHERE read_at IS NULL;
SELECT enable_tenant_isolation('notifications');

-- ShedLock (plain JDBC provider): one row per scheduled job, held by the node that runs it.
CREATE TABLE shedlock
(
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
