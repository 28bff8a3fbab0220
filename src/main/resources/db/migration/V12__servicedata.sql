-- Register data (module servicedata): the national files of listed patients and of service counts, per practice
-- (ydernummer) and month. A practice need not be in any Samspil cluster: it still counts for its region and the country.
CREATE TABLE register_practice_period
(
    ydernummer        CHAR(6) NOT NULL CHECK (ydernummer ~ '^[0-9]{6}$'),
    period            DATE    NOT NULL CHECK (extract(day FROM period) = 1),
    listed_patients   INT     NOT NULL CHECK (listed_patients >= 0),
    municipality_code CHAR(4) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (ydernummer, period)
);

CREATE TABLE register_service_count
(
    service_code TEXT    NOT NULL CHECK (length(service_code) BETWEEN 1 AND 10),
    period       DATE    NOT NULL CHECK (extract(day FROM period) = 1),
    ydernummer   CHAR(6) NOT NULL CHECK (ydernummer ~ '^[0-9]{6}$'),
    count        INT     NOT NULL CHECK (count >= 0),
    PRIMARY KEY (service_code, period, ydernummer)
);

-- Every import that was stored, with what it changed.
CREATE TABLE register_import
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('SERVICES', 'PRACTICES')),
    file_name   TEXT        NOT NULL,
    rows        INT         NOT NULL,
    periods     TEXT        NOT NULL,
    added       INT         NOT NULL,
    changed     INT         NOT NULL,
    removed     INT         NOT NULL,
    imported_by TEXT        NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
