-- The e-mail outbox: every mail is written here in the same transaction as the action that causes it
-- (invitation, password reset, alert) and delivered afterwards by OutboxWorker over SMTP.
--
-- One installation-wide queue, not tenant data: the worker on any node claims due rows of every company
-- with FOR UPDATE SKIP LOCKED, and the operator reads it. tenant_id only says which company a mail
-- belongs to (for the operator and for purging a closed company's mails).
CREATE TABLE mail_outbox
(
    id              uuid        NOT NULL PRIMARY KEY,
    tenant_id       uuid,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text,
    status          text        NOT NULL DEFAULT 'PENDING'
        CONSTRAINT mail_outbox_status_check CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    last_attempt_at timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);

COMMENT ON TABLE mail_outbox IS 'rls-exempt: installation-wide delivery queue, claimed by the mail worker across companies and read by the operator';
COMMENT ON COLUMN mail_outbox.locked_until IS 'lease of a SENDING row: after it, another worker may claim the mail again';
COMMENT ON COLUMN mail_outbox.last_error IS 'sanitized: no addresses, no message content';

-- due work: what the worker claims
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_lease_idx ON mail_outbox (locked_until) WHERE status = 'SENDING';
-- the operator's list, newest first, optionally by status; and the purge of old sent mails
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);
CREATE INDEX mail_outbox_status_created_idx ON mail_outbox (status, created_at DESC, id DESC);
CREATE INDEX mail_outbox_sent_idx ON mail_outbox (sent_at) WHERE status = 'SENT';
