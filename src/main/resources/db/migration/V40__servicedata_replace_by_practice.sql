-- A re-import replaces only the practices and months in its file (not every practice's figures of its months and
-- codes), so a service code and month can now be held by several imports' partitions: one row per partition.
ALTER TABLE register_service_month DROP CONSTRAINT register_service_month_pkey;
ALTER TABLE register_service_month ADD PRIMARY KEY (service_code, period, import_id);
