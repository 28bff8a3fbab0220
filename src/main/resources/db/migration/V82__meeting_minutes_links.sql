-- A member who took part but has no Samspil account gets the referat by a personal link: only its hash is kept, it
-- opens that one version and nothing else, and it stops working after its time.
CREATE TABLE meeting_minutes_link
(
    token_hash TEXT PRIMARY KEY,
    minutes_id BIGINT      NOT NULL REFERENCES meeting_minutes (id) ON DELETE CASCADE,
    email      TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
