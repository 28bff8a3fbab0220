-- The logistics of an evening meeting (fyraftensmøde, module pko, seed 003). "Praksiskoordinatoren sørger for, at
-- der bliver booket lokale og forplejning i samarbejde med en administrativ medarbejder på hospitalet": a checklist
-- of tasks, each with its owner (a name, often the administrative staff member, who has no account) and due date,
-- ticked done with who and when. Every row has a version, so a page read before a change cannot overwrite it.
CREATE TABLE pko_evening_task
(
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evening_meeting_id BIGINT      NOT NULL REFERENCES pko_evening_meeting (id) ON DELETE CASCADE,
    text               TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
    owner              TEXT        NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
    due_on             DATE        NOT NULL,
    done_at            TIMESTAMPTZ,
    done_by            TEXT CHECK (done_by IS NULL OR length(done_by) <= 200),
    version            INT         NOT NULL DEFAULT 0,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pko_evening_task_meeting_idx ON pko_evening_task (evening_meeting_id, due_on);

-- "Det forventes, at hospitalspraksiskonsulenterne deltager i fyraftensmøderne": each of the unit's hospital
-- consultants answers for themselves whether they come.
CREATE TABLE pko_evening_attendance
(
    evening_meeting_id BIGINT      NOT NULL REFERENCES pko_evening_meeting (id) ON DELETE CASCADE,
    person_id          BIGINT      NOT NULL REFERENCES pko_person (id) ON DELETE CASCADE,
    attending          BOOLEAN     NOT NULL,
    answered_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (evening_meeting_id, person_id)
);

-- "Der er mulighed for at søge tilskud fra Fonden for Almen Praksis": the coordinator's note of the application,
-- one per meeting.
CREATE TABLE pko_evening_grant
(
    evening_meeting_id BIGINT PRIMARY KEY REFERENCES pko_evening_meeting (id) ON DELETE CASCADE,
    status             TEXT          NOT NULL CHECK (status IN ('PLANNED', 'APPLIED', 'GRANTED', 'REFUSED')),
    applied_on         DATE,
    amount             NUMERIC(12, 2) CHECK (amount IS NULL OR amount >= 0),
    note               TEXT          NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    version            INT           NOT NULL DEFAULT 0,
    updated_by         TEXT          NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
