-- The scheme's own meetings (module pko, seed 003): a practice coordinator's meetings of the hospital unit's
-- practice consultants ("minimum 2 årlige møder", the half-yearly meetings, municipal consultants optionally
-- invited) and the medical coordinator's meetings of the coordinators ("flere gange om året"). What is written at
-- a meeting (agenda, roles, attendance, parking lot, agreements, referat) is the meeting module's: meeting_id is
-- that meeting (owner kind PKO_MEETING, owner id this row's id).
CREATE TABLE pko_meeting
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code       TEXT        NOT NULL REFERENCES region (code),
    kind              TEXT        NOT NULL CHECK (kind IN ('UNIT_CONSULTANTS', 'COORDINATORS')),
    hospital_unit_id  BIGINT REFERENCES hospital_unit (id) ON DELETE CASCADE,
    meeting_date      DATE        NOT NULL,
    start_time        TIME        NOT NULL,
    place             TEXT        NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    municipal_invited BOOLEAN     NOT NULL DEFAULT FALSE,
    meeting_id        BIGINT UNIQUE,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'UNIT_CONSULTANTS') = (hospital_unit_id IS NOT NULL))
);
CREATE INDEX pko_meeting_region_idx ON pko_meeting (region_code, meeting_date);
