-- Codes (ydernummer, service code) compare byte by byte: the "C" collation makes the primary keys of the national
-- files cheaper to build and search than the database's linguistic default, and codes have no linguistic order.
ALTER TABLE register_service_count
    ALTER COLUMN service_code TYPE TEXT COLLATE "C",
    ALTER COLUMN ydernummer TYPE CHAR(6) COLLATE "C";
ALTER TABLE register_practice_period
    ALTER COLUMN ydernummer TYPE CHAR(6) COLLATE "C";
