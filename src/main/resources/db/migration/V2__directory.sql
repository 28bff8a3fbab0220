-- The registers (module directory): regions, package providers, municipalities, clusters with their practices
-- and members, hospital units. No CPR numbers are ever stored.
CREATE TABLE region
(
    code TEXT PRIMARY KEY, -- the official region code, e.g. 1082
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE provider
(
    code        TEXT PRIMARY KEY, -- KIAP, MIDTKRAFT, ...
    name        TEXT NOT NULL,
    region_code TEXT REFERENCES region (code) -- null for the national unit
);

CREATE TABLE municipality
(
    code        CHAR(4) PRIMARY KEY CHECK (code ~ '^[0-9]{4}$'),
    name        TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES region (code)
);

CREATE TABLE cluster
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    region_code       TEXT    NOT NULL REFERENCES region (code),
    municipality_code CHAR(4) REFERENCES municipality (code),
    version           INT     NOT NULL DEFAULT 0
);

CREATE TABLE practice
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cluster_id      BIGINT  NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
    ydernummer      CHAR(6) NOT NULL UNIQUE CHECK (ydernummer ~ '^[0-9]{6}$'),
    name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    listed_patients INT     NOT NULL CHECK (listed_patients >= 0)
);
CREATE INDEX practice_cluster_idx ON practice (cluster_id);

CREATE TABLE member
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cluster_id  BIGINT NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
    name        TEXT   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       TEXT   NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    practice_id BIGINT REFERENCES practice (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX member_cluster_email_uq ON member (cluster_id, lower(email));

CREATE TABLE hospital_unit
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    region_code TEXT NOT NULL REFERENCES region (code)
);
