-- The outbox of e-mails (module mail): a mail is stored in the transaction that causes it and sent afterwards by
-- a recurring job, so nothing is sent for a rolled-back change and nothing is lost while the mail server is down.
CREATE TABLE mail_outbox
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       TEXT        NOT NULL CHECK (length(recipient) BETWEEN 1 AND 320),
    subject         TEXT        NOT NULL CHECK (length(subject) BETWEEN 1 AND 1000),
    body            TEXT        NOT NULL,
    reference       TEXT CHECK (length(reference) <= 200),
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
-- The sender's claim: due mails that are still pending.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
-- The administrator's list, newest first.
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);
