-- Which partition (import) holds each service code and month: the figures read only those partitions instead of
-- scanning every import's rows (a code and month is always in exactly one partition: an import removes the months and
-- codes it replaces from the older ones).
ALTER TABLE register_service_month ADD COLUMN import_id BIGINT;
UPDATE register_service_month m
SET import_id = coalesce((SELECT max(c.import_id) FROM register_service_count c
                          WHERE c.service_code = m.service_code AND c.period = m.period), 0);
ALTER TABLE register_service_month ALTER COLUMN import_id SET NOT NULL;
