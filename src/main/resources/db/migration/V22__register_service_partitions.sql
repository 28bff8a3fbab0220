-- The national service counts are kept one partition per import (import_id = register_import.id). An import copies
-- its rows into a new table of its own and builds that table's index once, after the rows are in, then attaches it:
-- a million-row file then costs about as much as a bare COPY, where inserting into one big indexed table cost ten
-- times more. Rows are checked by the importer (RegisterRows) before they are copied; the one rule the tables keep
-- themselves is that a practice, month and service code occur once per partition (its unique index), and the
-- importer removes the months and codes a new file replaces from the older partitions in the same transaction.
ALTER TABLE register_service_count RENAME TO register_service_count_0;
ALTER TABLE register_service_count_0 DROP CONSTRAINT register_service_count_pkey;
ALTER TABLE register_service_count_0 DROP CONSTRAINT register_service_count_service_code_check;
ALTER TABLE register_service_count_0 DROP CONSTRAINT register_service_count_period_check;
ALTER TABLE register_service_count_0 DROP CONSTRAINT register_service_count_ydernummer_check;
ALTER TABLE register_service_count_0 DROP CONSTRAINT register_service_count_count_check;
ALTER TABLE register_service_count_0 ADD COLUMN import_id BIGINT NOT NULL DEFAULT 0 CHECK (import_id = 0);
CREATE UNIQUE INDEX register_service_count_0_key ON register_service_count_0 (ydernummer, period, service_code);

CREATE TABLE register_service_count
(
    ydernummer   CHAR(6) COLLATE "C" NOT NULL,
    period       DATE                NOT NULL,
    service_code TEXT COLLATE "C"    NOT NULL,
    count        INT                 NOT NULL,
    import_id    BIGINT              NOT NULL
) PARTITION BY LIST (import_id);
ALTER TABLE register_service_count ATTACH PARTITION register_service_count_0 FOR VALUES IN (0);

-- Which months each service code has data for (the figures ask for the newest month of a code without scanning
-- the counts); kept by the importer together with the counts.
CREATE TABLE register_service_month
(
    service_code TEXT COLLATE "C" NOT NULL,
    period       DATE             NOT NULL,
    PRIMARY KEY (service_code, period)
);
INSERT INTO register_service_month (service_code, period)
SELECT DISTINCT service_code, period FROM register_service_count_0;
