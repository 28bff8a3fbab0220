-- Packages edited by their providers in Samspil (module catalog). An edit is a draft; publishing it makes a new
-- version. A package published from Samspil is no longer overwritten by its shipped file, which stays the first
-- content of a fresh database: file_hash is the hash of the file last loaded, edited_at when Samspil published it.
ALTER TABLE catalog_package ADD COLUMN file_hash TEXT;
UPDATE catalog_package SET file_hash = content_hash;
ALTER TABLE catalog_package ADD COLUMN edited_at TIMESTAMPTZ;

-- A withdrawn package cannot be ordered; its orders go on.
ALTER TABLE catalog_package DROP CONSTRAINT catalog_package_status_check;
ALTER TABLE catalog_package
    ADD CONSTRAINT catalog_package_status_check CHECK (status IN ('OFFERED', 'IN_PREPARATION', 'WITHDRAWN'));

ALTER TABLE catalog_package_version ADD COLUMN published_by TEXT;

CREATE TABLE catalog_package_draft
(
    id            BIGSERIAL PRIMARY KEY,
    slug          TEXT        NOT NULL UNIQUE,
    provider_code TEXT        NOT NULL REFERENCES provider (code),
    base_version  INT,                         -- the version it was started from; null for a new package
    definition    JSONB       NOT NULL,
    version       INT         NOT NULL DEFAULT 0, -- raised by every save: two editors cannot overwrite each other
    updated_by    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
