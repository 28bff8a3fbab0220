-- Which partition (import) holds each service code and month: the figures and a re-import read only those partitions
-- instead of every import's rows (a code and month is always in exactly one partition: an import removes the months
-- and codes it replaces from the older ones). V22 has just put all earlier rows into partition 0.
ALTER TABLE register_service_month ADD COLUMN import_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE register_service_month ALTER COLUMN import_id DROP DEFAULT;
