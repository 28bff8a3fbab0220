-- Invitations to set a password (module security): only a hash of the link's token is kept; a link works once.
CREATE TABLE user_invitation
(
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
