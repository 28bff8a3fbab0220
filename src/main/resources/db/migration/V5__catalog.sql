-- The package catalogue (module catalog): each package is versioned data loaded from resources/catalog/*.yaml;
-- the whole definition is kept as JSON, the columns are what lists and queries need.
CREATE TABLE catalog_package
(
    slug          TEXT PRIMARY KEY,
    title         TEXT        NOT NULL,
    provider_code TEXT        NOT NULL REFERENCES provider (code),
    status        TEXT        NOT NULL CHECK (status IN ('OFFERED', 'IN_PREPARATION')),
    definition    JSONB       NOT NULL,
    content_hash  TEXT        NOT NULL,
    version       INT         NOT NULL DEFAULT 1,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
