-- Every version of a package is kept (module catalog), and an order keeps the version it was placed with: a changed
-- package no longer changes the orders placed before, nor their questionnaire, documents and deck.
CREATE TABLE catalog_package_version
(
    slug         TEXT        NOT NULL REFERENCES catalog_package (slug),
    version      INT         NOT NULL,
    definition   JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (slug, version)
);

-- The versions of before are gone; today's stands for them, as the orders have read it until now.
INSERT INTO catalog_package_version (slug, version, definition, published_at)
SELECT slug, version, definition, updated_at FROM catalog_package;

ALTER TABLE package_order ADD COLUMN package_version INT;
UPDATE package_order o SET package_version = p.version FROM catalog_package p WHERE p.slug = o.package_slug;
ALTER TABLE package_order ALTER COLUMN package_version SET NOT NULL;
ALTER TABLE package_order
    ADD CONSTRAINT package_order_package_version_fk
        FOREIGN KEY (package_slug, package_version) REFERENCES catalog_package_version (slug, version);
