-- Audits of referrals and discharge letters (module pko, seed 003 "Audit"). An audit belongs to a hospital
-- department (or a municipality, for a municipal consultant) of the PKO registers; those are another part of the
-- module, so only their ids are kept here. The cases and their assessments are deleted when the audit is completed:
-- only the aggregate per criterion (pko_audit_result) and the report stay.
CREATE TABLE pko_audit
(
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code          TEXT        NOT NULL,
    department_id        BIGINT,
    municipality_code    CHAR(4),
    title                TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description          TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    department_doctor    TEXT        NOT NULL CHECK (length(department_doctor) BETWEEN 1 AND 200),
    planned_by           TEXT        NOT NULL,
    status               TEXT        NOT NULL DEFAULT 'PLANNED'
        CHECK (status IN ('PLANNED', 'REQUESTED', 'APPROVED', 'REFUSED', 'COMPLETED')),
    -- Step 1: the department's written request to the administrative management, and its answer.
    management_name      TEXT,
    management_email     TEXT,
    request_text         TEXT,
    requested_at         TIMESTAMPTZ,
    decided_by_name      TEXT,
    decided_by_title     TEXT,
    decided_at           TIMESTAMPTZ,
    decided_how          TEXT CHECK (decided_how IN ('LINK', 'LETTER')),
    decision_comment     TEXT,
    -- Step 3: what the consultant and the afdelingslæge conclude, reported to the practice coordinator.
    conclusions          TEXT,
    actions              TEXT,
    completed_at         TIMESTAMPTZ,
    completed_by         TEXT,
    deleted_cases        INT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (department_id IS NOT NULL OR municipality_code IS NOT NULL)
);
CREATE INDEX pko_audit_department_idx ON pko_audit (department_id);

-- The approver's personal link: only its hash is kept; it answers once.
CREATE TABLE pko_audit_approval_link
(
    token_hash TEXT PRIMARY KEY,
    audit_id   BIGINT      NOT NULL REFERENCES pko_audit (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    used_at    TIMESTAMPTZ
);

-- The management's approval letter, when uploaded instead of answered by link.
CREATE TABLE pko_audit_letter
(
    audit_id     BIGINT PRIMARY KEY REFERENCES pko_audit (id) ON DELETE CASCADE,
    file_name    TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Reference data: the default criteria, after "Auditmanual 2018", which each audit copies and adapts.
CREATE TABLE pko_audit_default_criterion
(
    position INT PRIMARY KEY,
    text     TEXT NOT NULL
);
INSERT INTO pko_audit_default_criterion (position, text) VALUES
    (1, 'Henvisningen angiver en klar problemstilling og det konkrete spørgsmål til afdelingen'),
    (2, 'Henvisningen beskriver relevante oplysninger om sygehistorie, fund og allerede udført udredning'),
    (3, 'Henvisningen oplyser aktuel medicin og allergier'),
    (4, 'Udredningen er sket efter den relevante forløbsbeskrivelse eller aftale'),
    (5, 'Epikrisen besvarer henvisningens spørgsmål'),
    (6, 'Epikrisen beskriver diagnose, undersøgelser og behandling'),
    (7, 'Epikrisen angiver medicinændringer med begrundelse'),
    (8, 'Epikrisen angiver tydeligt, hvad almen praksis skal følge op på, og hvornår'),
    (9, 'Epikrisen er modtaget i almen praksis inden for aftalt tid'),
    (10, 'Patienten er informeret om forløbet og den videre plan');

CREATE TABLE pko_audit_criterion
(
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id BIGINT NOT NULL REFERENCES pko_audit (id) ON DELETE CASCADE,
    position INT    NOT NULL,
    text     TEXT   NOT NULL CHECK (length(text) BETWEEN 1 AND 300)
);
CREATE INDEX pko_audit_criterion_audit_idx ON pko_audit_criterion (audit_id, position);

-- Step 2: the department's cases, each known only by the department's own case number (never a CPR number or a
-- name); deleted, with their assessments, when the audit is completed.
CREATE TABLE pko_audit_case
(
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    audit_id           BIGINT  NOT NULL REFERENCES pko_audit (id) ON DELETE CASCADE,
    case_number        TEXT    NOT NULL CHECK (length(case_number) BETWEEN 1 AND 30),
    lookups_registered BOOLEAN NOT NULL DEFAULT FALSE,
    assessed_by        TEXT,
    UNIQUE (audit_id, case_number)
);

CREATE TABLE pko_audit_assessment
(
    case_id      BIGINT NOT NULL REFERENCES pko_audit_case (id) ON DELETE CASCADE,
    criterion_id BIGINT NOT NULL REFERENCES pko_audit_criterion (id) ON DELETE CASCADE,
    verdict      TEXT   NOT NULL CHECK (verdict IN ('MET', 'NOT_MET', 'NOT_RELEVANT')),
    remark       TEXT CHECK (length(remark) <= 300),
    PRIMARY KEY (case_id, criterion_id)
);

-- What stays: the aggregate per criterion; with the audit's conclusions and actions it is the report (written as
-- Word when asked for).
CREATE TABLE pko_audit_result
(
    audit_id     BIGINT NOT NULL REFERENCES pko_audit (id) ON DELETE CASCADE,
    position     INT    NOT NULL,
    criterion    TEXT   NOT NULL,
    met          INT    NOT NULL,
    not_met      INT    NOT NULL,
    not_relevant INT    NOT NULL,
    PRIMARY KEY (audit_id, position)
);
