-- The service counts keep the ydernummer as a number (six digits, checked by the importer; shown with lpad where
-- needed): a 4-byte key makes each import's partition index quicker to build and smaller than CHAR(6).
ALTER TABLE register_service_count ALTER COLUMN ydernummer TYPE INT USING ydernummer::int;
