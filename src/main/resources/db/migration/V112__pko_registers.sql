-- The practice consultant scheme's registers (module pko, issue 19): the hospital units taking part, their
-- departments, the partner bodies, the scheme's people and what each is attached to. Built for any region;
-- Region Midtjylland's reference data follow (departments and partner bodies are reference data, not demo data).

-- A hospital unit in the scheme; the coordinator of a unit that covers the region (Psykiatrien) covers all of it.
CREATE TABLE pko_unit
(
    hospital_unit_id BIGINT PRIMARY KEY REFERENCES hospital_unit (id) ON DELETE CASCADE,
    covers_region    BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE pko_department
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hospital_unit_id BIGINT  NOT NULL REFERENCES hospital_unit (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    active           BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (hospital_unit_id, name)
);

-- PLO-M, PLO-K, the Specialråd, the praksis.dk editors, Koncern Kvalitet, MidtKraft, the sundhedsklynger.
CREATE TABLE pko_partner_body
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code TEXT NOT NULL REFERENCES region (code),
    kind        TEXT NOT NULL CHECK (kind IN ('PLO_REGION', 'PLO_MUNICIPAL', 'SPECIALTY_COUNCIL', 'EDITORS',
                                              'QUALITY_UNIT', 'GP_QUALITY_ORGANISATION', 'HEALTH_CLUSTER')),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    phone       TEXT CHECK (phone IS NULL OR length(phone) <= 40),
    note        TEXT CHECK (note IS NULL OR length(note) <= 1000),
    UNIQUE (region_code, name)
);

-- A consultant, coordinator or the medical coordinator; linked to a user account when they have one.
CREATE TABLE pko_person
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code  TEXT NOT NULL REFERENCES region (code),
    kind         TEXT NOT NULL CHECK (kind IN ('CONSULTANT', 'COORDINATOR', 'MEDICAL_COORDINATOR')),
    -- the special posts of the org chart: Praksiskonsulent for Præhospitalet, Medicin-PKO
    special_post TEXT CHECK (special_post IS NULL OR special_post IN ('PREHOSPITAL', 'MEDICINE')),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email        TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    phone        TEXT CHECK (phone IS NULL OR length(phone) <= 40),
    practice     TEXT CHECK (practice IS NULL OR length(practice) <= 200),
    user_id      BIGINT UNIQUE REFERENCES app_user (id) ON DELETE SET NULL,
    active       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pko_person_region_idx ON pko_person (region_code, kind);

-- What a person is attached to: a consultant a municipality or one or more departments (one row each), a
-- coordinator a hospital unit.
CREATE TABLE pko_attachment
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id         BIGINT NOT NULL REFERENCES pko_person (id) ON DELETE CASCADE,
    municipality_code CHAR(4) REFERENCES municipality (code),
    department_id     BIGINT REFERENCES pko_department (id),
    hospital_unit_id  BIGINT REFERENCES hospital_unit (id),
    starts_on         DATE,
    ends_on           DATE,
    CHECK (num_nonnulls(municipality_code, department_id, hospital_unit_id) = 1),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX pko_attachment_person_idx ON pko_attachment (person_id);
CREATE UNIQUE INDEX pko_attachment_department_uq ON pko_attachment (person_id, department_id) WHERE department_id IS NOT NULL;
CREATE UNIQUE INDEX pko_attachment_municipality_uq ON pko_attachment (person_id, municipality_code) WHERE municipality_code IS NOT NULL;
CREATE UNIQUE INDEX pko_attachment_unit_uq ON pko_attachment (person_id, hospital_unit_id) WHERE hospital_unit_id IS NOT NULL;

-- Region Midtjylland's units in the scheme; Psykiatrien's coordinator covers the whole region.
INSERT INTO pko_unit (hospital_unit_id, covers_region)
SELECT id, name = 'Psykiatrien i Region Midtjylland' FROM hospital_unit WHERE region_code = '1082';

INSERT INTO pko_department (hospital_unit_id, name)
SELECT h.id, d.name
FROM (VALUES
    ('Aarhus Universitetshospital', 'Akutafdelingen'),
    ('Aarhus Universitetshospital', 'Hjertesygdomme'),
    ('Aarhus Universitetshospital', 'Hjerte-, Lunge- og Karkirurgi'),
    ('Aarhus Universitetshospital', 'Lungesygdomme'),
    ('Aarhus Universitetshospital', 'Nyresygdomme'),
    ('Aarhus Universitetshospital', 'Hormon- og Knoglesygdomme'),
    ('Aarhus Universitetshospital', 'Blodsygdomme'),
    ('Aarhus Universitetshospital', 'Infektionssygdomme'),
    ('Aarhus Universitetshospital', 'Lever-, Mave- og Tarmsygdomme'),
    ('Aarhus Universitetshospital', 'Mave- og Tarmkirurgi'),
    ('Aarhus Universitetshospital', 'Urinvejskirurgi'),
    ('Aarhus Universitetshospital', 'Ortopædkirurgi'),
    ('Aarhus Universitetshospital', 'Neurologi'),
    ('Aarhus Universitetshospital', 'Neurokirurgi'),
    ('Aarhus Universitetshospital', 'Øre-Næse-Halskirurgi'),
    ('Aarhus Universitetshospital', 'Øjensygdomme'),
    ('Aarhus Universitetshospital', 'Hudsygdomme og Allergi'),
    ('Aarhus Universitetshospital', 'Kvindesygdomme og Fødsler'),
    ('Aarhus Universitetshospital', 'Børn og Unge'),
    ('Aarhus Universitetshospital', 'Kræftafdelingen'),
    ('Aarhus Universitetshospital', 'Led-, Bindevævs- og Rygsygdomme'),
    ('Aarhus Universitetshospital', 'Geriatri'),
    ('Aarhus Universitetshospital', 'Plastik- og Brystkirurgi'),
    ('Aarhus Universitetshospital', 'Radiologi'),
    ('Aarhus Universitetshospital', 'Blodprøver og Biokemi'),
    ('Aarhus Universitetshospital', 'Klinisk Mikrobiologi'),
    ('Aarhus Universitetshospital', 'Hammel Neurocenter'),
    ('Regionshospitalet Randers', 'Akutafdelingen'),
    ('Regionshospitalet Randers', 'Medicinsk Afdeling'),
    ('Regionshospitalet Randers', 'Kirurgisk Afdeling'),
    ('Regionshospitalet Randers', 'Ortopædkirurgi'),
    ('Regionshospitalet Randers', 'Kvindesygdomme og Fødsler'),
    ('Regionshospitalet Randers', 'Børn og Unge'),
    ('Regionshospitalet Randers', 'Anæstesiologi'),
    ('Regionshospitalet Randers', 'Radiologi'),
    ('Regionshospitalet Randers', 'Klinisk Biokemi'),
    ('Regionshospitalet Horsens', 'Akutafdelingen'),
    ('Regionshospitalet Horsens', 'Medicinsk Afdeling'),
    ('Regionshospitalet Horsens', 'Kirurgi'),
    ('Regionshospitalet Horsens', 'Ortopædkirurgi'),
    ('Regionshospitalet Horsens', 'Kvindesygdomme og Fødsler'),
    ('Regionshospitalet Horsens', 'Anæstesiologi'),
    ('Regionshospitalet Horsens', 'Radiologi'),
    ('Regionshospitalet Horsens', 'Klinisk Biokemi'),
    ('Hospitalsenhed Midt', 'Akutafdelingen'),
    ('Hospitalsenhed Midt', 'Medicinsk Afdeling'),
    ('Hospitalsenhed Midt', 'Hjertesygdomme'),
    ('Hospitalsenhed Midt', 'Lungesygdomme'),
    ('Hospitalsenhed Midt', 'Kirurgi'),
    ('Hospitalsenhed Midt', 'Ortopædkirurgi'),
    ('Hospitalsenhed Midt', 'Urinvejskirurgi'),
    ('Hospitalsenhed Midt', 'Kvindesygdomme og Fødsler'),
    ('Hospitalsenhed Midt', 'Børn og Unge'),
    ('Hospitalsenhed Midt', 'Neurologi'),
    ('Hospitalsenhed Midt', 'Kræftafdelingen'),
    ('Hospitalsenhed Midt', 'Diagnostisk Center'),
    ('Hospitalsenhed Midt', 'Radiologi'),
    ('Regionshospitalet Gødstrup', 'Akutafdelingen'),
    ('Regionshospitalet Gødstrup', 'Medicinsk Afdeling'),
    ('Regionshospitalet Gødstrup', 'Hjertesygdomme'),
    ('Regionshospitalet Gødstrup', 'Lungesygdomme'),
    ('Regionshospitalet Gødstrup', 'Nyresygdomme'),
    ('Regionshospitalet Gødstrup', 'Kirurgi'),
    ('Regionshospitalet Gødstrup', 'Ortopædkirurgi'),
    ('Regionshospitalet Gødstrup', 'Urinvejskirurgi'),
    ('Regionshospitalet Gødstrup', 'Kvindesygdomme og Fødsler'),
    ('Regionshospitalet Gødstrup', 'Børn og Unge'),
    ('Regionshospitalet Gødstrup', 'Neurologi'),
    ('Regionshospitalet Gødstrup', 'Kræftafdelingen'),
    ('Regionshospitalet Gødstrup', 'Øre-Næse-Hals'),
    ('Regionshospitalet Gødstrup', 'Øjenafdelingen'),
    ('Regionshospitalet Gødstrup', 'Reumatologi'),
    ('Regionshospitalet Gødstrup', 'Radiologi'),
    ('Psykiatrien i Region Midtjylland', 'Afdeling for Depression og Angst'),
    ('Psykiatrien i Region Midtjylland', 'Afdeling for Psykoser'),
    ('Psykiatrien i Region Midtjylland', 'Børne- og Ungdomspsykiatri'),
    ('Psykiatrien i Region Midtjylland', 'Retspsykiatri'),
    ('Psykiatrien i Region Midtjylland', 'Psykiatrien Gødstrup'),
    ('Psykiatrien i Region Midtjylland', 'Psykiatrien Horsens'),
    ('Psykiatrien i Region Midtjylland', 'Psykiatrien Randers'),
    ('Psykiatrien i Region Midtjylland', 'Psykiatrien Viborg-Skive')
) AS d(unit, name)
JOIN hospital_unit h ON h.name = d.unit;

INSERT INTO pko_partner_body (region_code, kind, name, email, note) VALUES
    ('1082', 'PLO_REGION', 'PLO-M', 'plo.midtjylland@dadm.dk', 'PLO Midtjylland: alt aftalestof, også de lokale aftaler'),
    ('1082', 'PLO_MUNICIPAL', 'PLO-K', NULL, 'PLO-Kommune, tidligere kendt som lægelaug'),
    ('1082', 'SPECIALTY_COUNCIL', 'Specialråd', NULL, 'Godkender forløbsbeskrivelser i Region Midtjylland'),
    ('1082', 'EDITORS', 'Praksis.dk-redaktionen', 'praksis@rm.dk', 'Webredaktørerne i Koncern Kvalitet'),
    ('1082', 'QUALITY_UNIT', 'Koncern Kvalitet', NULL, 'Skottenborg 26, 8800 Viborg'),
    ('1082', 'GP_QUALITY_ORGANISATION', 'MidtKraft', NULL, 'Kvalitetsorganisationen for almen praksis, midtkraft.dk'),
    ('1082', 'HEALTH_CLUSTER', 'Sundhedsklynge Aarhus', NULL, NULL),
    ('1082', 'HEALTH_CLUSTER', 'Sundhedsklynge Randers', NULL, NULL),
    ('1082', 'HEALTH_CLUSTER', 'Sundhedsklynge Horsens', NULL, NULL),
    ('1082', 'HEALTH_CLUSTER', 'Sundhedsklynge Midt', NULL, NULL),
    ('1082', 'HEALTH_CLUSTER', 'Sundhedsklynge Vest', NULL, NULL);
