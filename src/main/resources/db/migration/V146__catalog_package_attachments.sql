-- A package's materials (module catalog): the package PDF, an example deck, a podcast or video link, uploaded or
-- linked by the provider's consultants, shown on the package page and named in the materials mail.
CREATE TABLE catalog_package_attachment
(
    id           BIGSERIAL PRIMARY KEY,
    slug         TEXT        NOT NULL REFERENCES catalog_package (slug),
    title        TEXT        NOT NULL,
    url          TEXT,                  -- a link (podcast, video); null for a file
    file_name    TEXT,
    content_type TEXT,
    content      BYTEA,
    added_by     TEXT        NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((url IS NULL) <> (content IS NULL))
);
CREATE INDEX catalog_package_attachment_slug ON catalog_package_attachment (slug);
