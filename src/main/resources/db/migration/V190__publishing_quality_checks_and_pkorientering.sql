-- The medical coordinator's quality check of a newsletter, when the editors ask for one ("I samarbejde med
-- webredaktørerne af praksis.dk – kvalitetssikre nyhedsmail"): the editors' question, the coordinator's verdict.
CREATE TABLE publishing_quality_check (
    id bigserial PRIMARY KEY,
    request_id bigint NOT NULL REFERENCES publishing_request ON DELETE CASCADE,
    note text NOT NULL,
    asked_by text NOT NULL,
    asked_at timestamptz NOT NULL DEFAULT now(),
    checker_name text NOT NULL,
    checker_email text NOT NULL,
    verdict varchar(10) CHECK (verdict IN ('OK', 'REMARKS')),
    comment text,
    checked_at timestamptz,
    CHECK (verdict <> 'REMARKS' OR comment IS NOT NULL)
);
CREATE INDEX publishing_quality_check_request ON publishing_quality_check (request_id);
CREATE INDEX publishing_quality_check_open ON publishing_quality_check (lower(checker_email)) WHERE verdict IS NULL;

-- PKOrientering: a department's contribution goes the request's way (written, approved) and then to the coordinator
-- of the hospital unit (CONTRIBUTED) instead of the editors; the coordinator takes it into the quarter's issue
-- (INCLUDED), which is itself a request to the unit's catchment area.
ALTER TABLE publishing_request ADD COLUMN contribution_to bigint;
ALTER TABLE publishing_request ADD COLUMN included_in bigint REFERENCES publishing_request ON DELETE SET NULL;
ALTER TABLE publishing_request DROP CONSTRAINT publishing_request_status_check;
ALTER TABLE publishing_request ADD CONSTRAINT publishing_request_status_check CHECK (status IN ('DRAFT', 'APPROVAL',
    'REFUSED', 'APPROVED', 'RECEIVED', 'QUESTIONS', 'SCHEDULED', 'SENT', 'CONTRIBUTED', 'INCLUDED'));
ALTER TABLE publishing_request ADD CONSTRAINT publishing_request_contribution_catchment
    CHECK (contribution_to IS NULL OR (audience = 'CATCHMENT' AND hospital_unit_id = contribution_to));
CREATE INDEX publishing_request_contribution ON publishing_request (contribution_to, status)
    WHERE contribution_to IS NOT NULL;

-- "fire gange årligt": one issue per unit and quarter; the issue is the request the coordinator compiled.
CREATE TABLE publishing_issue (
    request_id bigint PRIMARY KEY REFERENCES publishing_request ON DELETE CASCADE,
    hospital_unit_id bigint NOT NULL,
    year int NOT NULL,
    quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    UNIQUE (hospital_unit_id, year, quarter)
);
