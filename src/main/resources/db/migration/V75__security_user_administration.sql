-- User administration (module security). A deactivated user cannot sign in, and an open session of theirs is
-- refused on its next request. Sessions signed in before sessions_valid_from are refused too (a new password ends
-- the other sessions).
ALTER TABLE app_user
    ADD COLUMN deactivated_at      TIMESTAMPTZ,
    ADD COLUMN sessions_valid_from TIMESTAMPTZ;

-- "Glemt adgangskode": only a hash of the link's token is kept; a link works once and for a short while.
CREATE TABLE password_reset
(
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_reset_user_idx ON password_reset (user_id);
