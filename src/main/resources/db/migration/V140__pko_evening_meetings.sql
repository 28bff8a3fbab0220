-- The evening meetings (fyraftensmøder, module pko, seed 003): "to gange årligt" per hospital unit, "en hverdag
-- efter arbejdstid, typisk i tidsrummet 17.00-20.00", as a Stormøde or a Virtuelt infomøde. The coordinator opens a
-- call for talks with a deadline; each hospital practice consultant sends "ønsker til oplæg" for a department of
-- theirs. The programme is the meeting module's agenda of the meeting (owner kind PKO_EVENING); a wish put on it
-- becomes an item there.
CREATE TABLE pko_evening_meeting
(
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code      TEXT        NOT NULL REFERENCES region (code),
    hospital_unit_id BIGINT      NOT NULL REFERENCES hospital_unit (id) ON DELETE CASCADE,
    meeting_date     DATE        NOT NULL,
    start_time       TIME        NOT NULL,
    end_time         TIME        NOT NULL CHECK (end_time > start_time),
    place            TEXT        NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    format           TEXT        NOT NULL CHECK (format IN ('LARGE', 'VIRTUAL')),
    call_deadline    DATE,
    meeting_id       BIGINT UNIQUE,
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pko_evening_meeting_unit_idx ON pko_evening_meeting (hospital_unit_id, meeting_date);

-- A consultant's wish for a talk from one of their departments.
CREATE TABLE pko_talk_wish
(
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evening_meeting_id BIGINT      NOT NULL REFERENCES pko_evening_meeting (id) ON DELETE CASCADE,
    department_id      BIGINT      NOT NULL REFERENCES pko_department (id),
    person_id          BIGINT      NOT NULL REFERENCES pko_person (id),
    topic              TEXT        NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
    speaker            TEXT        NOT NULL DEFAULT '' CHECK (length(speaker) <= 200),
    minutes            INT         NOT NULL CHECK (minutes BETWEEN 5 AND 60),
    submitted_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    late               BOOLEAN     NOT NULL,
    placed_at          TIMESTAMPTZ
);
CREATE INDEX pko_talk_wish_meeting_idx ON pko_talk_wish (evening_meeting_id);
