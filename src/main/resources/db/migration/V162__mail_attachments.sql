-- A file sent with mails of the outbox (module mail), e.g. an evening meeting's programme as PDF with the invitation
-- to every GP of the catchment area: stored once, named by each mail that carries it.
CREATE TABLE mail_attachment
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name    TEXT        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type TEXT        NOT NULL CHECK (length(content_type) BETWEEN 3 AND 100),
    content      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE mail_outbox ADD COLUMN attachment_id BIGINT REFERENCES mail_attachment (id);
