-- Log-in with a work identity (OIDC, issue 16). A first log-in links the identity (issuer + subject) to an invited
-- account, by verified e-mail or by the broker's persistent professional id together with the organisation's CVR,
-- which the administrator sets on the account. Later log-ins find the account by issuer and subject.
ALTER TABLE app_user
    ADD COLUMN professional_id  TEXT UNIQUE CHECK (professional_id ~ '^[A-Za-z0-9:._-]{1,100}$'),
    ADD COLUMN professional_cvr CHAR(8) CHECK (professional_cvr ~ '^[0-9]{8}$'),
    ADD CONSTRAINT app_user_professional_check CHECK ((professional_id IS NULL) = (professional_cvr IS NULL));

CREATE TABLE work_identity
(
    issuer    TEXT        NOT NULL,
    subject   TEXT        NOT NULL,
    user_id   BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    linked_by TEXT        NOT NULL CHECK (linked_by IN ('EMAIL', 'PROFESSIONAL_ID')),
    linked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX work_identity_user_idx ON work_identity (user_id);
