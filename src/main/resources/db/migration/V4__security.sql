-- Users and the audit log (module security). A user belongs to at most one organisation: a package provider
-- (consultants), a cluster (coordinators) or a municipality (municipal contacts).
CREATE TABLE app_user
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username          TEXT    NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._@-]{3,100}$'),
    password_hash     TEXT    NOT NULL,
    display_name      TEXT    NOT NULL,
    email             TEXT,
    role              TEXT    NOT NULL CHECK (role IN ('CONSULTANT', 'COORDINATOR', 'MUNICIPALITY', 'PKO', 'EDITOR', 'ADMIN')),
    provider_code     TEXT REFERENCES provider (code),
    cluster_id        BIGINT REFERENCES cluster (id) ON DELETE SET NULL,
    municipality_code CHAR(4) REFERENCES municipality (code),
    enabled           BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who did what, when, from where: sign-ins, failed sign-ins, refused access and, later, data access.
CREATE TABLE audit_log
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    username       TEXT,
    action         TEXT        NOT NULL,
    target         TEXT,
    remote_address TEXT
);
CREATE INDEX audit_log_throttle_idx ON audit_log (action, username, occurred_at);
CREATE INDEX audit_log_address_idx ON audit_log (action, remote_address, occurred_at);
