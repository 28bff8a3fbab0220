-- A practice consultant's own meetings with their department or municipality (seed 003: "det er en stor hjælp, at
-- der til samarbejdsmøderne laves dagsorden på forhånd og referat"); the unit's coordinator reads the minutes of the
-- department meetings ("i referaterne fra praksiskonsulenternes møder med afdelingerne").
ALTER TABLE pko_meeting DROP CONSTRAINT pko_meeting_kind_check;
ALTER TABLE pko_meeting DROP CONSTRAINT pko_meeting_check;
ALTER TABLE pko_meeting
    ADD COLUMN department_id     BIGINT REFERENCES pko_department (id),
    ADD COLUMN municipality_code CHAR(4) REFERENCES municipality (code),
    ADD COLUMN person_id         BIGINT REFERENCES pko_person (id),
    ADD CONSTRAINT pko_meeting_kind_check
        CHECK (kind IN ('UNIT_CONSULTANTS', 'COORDINATORS', 'DEPARTMENT', 'MUNICIPALITY')),
    ADD CONSTRAINT pko_meeting_owner_check CHECK (
        CASE kind
            WHEN 'UNIT_CONSULTANTS' THEN hospital_unit_id IS NOT NULL
            WHEN 'COORDINATORS' THEN hospital_unit_id IS NULL
            WHEN 'DEPARTMENT' THEN department_id IS NOT NULL AND hospital_unit_id IS NOT NULL AND person_id IS NOT NULL
            ELSE municipality_code IS NOT NULL AND person_id IS NOT NULL
        END);
