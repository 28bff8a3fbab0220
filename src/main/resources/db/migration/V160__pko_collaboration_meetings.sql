-- Collaboration meetings between a municipality and general practice (module pko, seed 003, "Samarbejdsmøder i det
-- lægekommunale samarbejde"), planned by the municipal practice consultant outside the package flow: the topic (one
-- of the handbook's eight examples, or free text), the consultant's role, what the meeting should achieve, whether
-- the other organisers have the mandate for form and cost (answered before invitations go out), whether the
-- municipality pays for attendance, and the format: talks, or the Manegemodellen with its constructed case. What is
-- written at the meeting is the meeting module's (owner kind PKO_COLLABORATION).
CREATE TABLE pko_collaboration_meeting
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code         TEXT        NOT NULL REFERENCES region (code),
    municipality_code   CHAR(4)     NOT NULL REFERENCES municipality (code),
    person_id           BIGINT REFERENCES pko_person (id),
    topic_key           TEXT CHECK (topic_key IS NULL OR topic_key IN ('FMK', 'PALLIATIVE', 'YOUNG', 'VULNERABLE',
                                                                     'CHRONIC', 'ACUTE_BEDS', 'HOME_CARE_MESSAGES',
                                                                     'SICK_LEAVE')),
    topic_text          TEXT CHECK (topic_text IS NULL OR length(topic_text) BETWEEN 1 AND 200),
    consultant_role     TEXT        NOT NULL DEFAULT '' CHECK (length(consultant_role) <= 1000),
    goal                TEXT        NOT NULL DEFAULT '' CHECK (length(goal) <= 2000),
    -- NULL: not yet answered; invitations wait for YES
    mandate             TEXT CHECK (mandate IS NULL OR mandate IN ('YES', 'NO')),
    municipality_pays   TEXT        NOT NULL DEFAULT 'UNKNOWN' CHECK (municipality_pays IN ('YES', 'NO', 'UNKNOWN')),
    format              TEXT        NOT NULL CHECK (format IN ('TALKS', 'MANEGE')),
    meeting_date        DATE        NOT NULL,
    start_time          TIME        NOT NULL,
    place               TEXT        NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    invitations_sent_at TIMESTAMPTZ,
    invitations_sent_by TEXT,
    meeting_id          BIGINT UNIQUE,
    version             INT         NOT NULL DEFAULT 0,
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(topic_key, topic_text) = 1)
);
CREATE INDEX pko_collaboration_meeting_municipality_idx ON pko_collaboration_meeting (municipality_code, meeting_date);

-- Who is invited: name, organisation, address. They sign in nowhere; the referat reaches those present by a link.
CREATE TABLE pko_collaboration_invitee
(
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collaboration_meeting_id  BIGINT NOT NULL REFERENCES pko_collaboration_meeting (id) ON DELETE CASCADE,
    name                      TEXT   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    organisation              TEXT   NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
    email                     TEXT   NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    UNIQUE (collaboration_meeting_id, email)
);

-- The Manegemodellen's constructed case: a person whose story calls for several actors; the points of the story
-- chosen; and each actor's contribution at each point. Written before the meeting, shown at it, kept in the referat.
CREATE TABLE pko_manege_case
(
    collaboration_meeting_id BIGINT PRIMARY KEY REFERENCES pko_collaboration_meeting (id) ON DELETE CASCADE,
    person                   TEXT NOT NULL CHECK (length(person) BETWEEN 1 AND 200),
    story                    TEXT NOT NULL CHECK (length(story) BETWEEN 1 AND 5000),
    version                  INT  NOT NULL DEFAULT 0
);

CREATE TABLE pko_manege_actor
(
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collaboration_meeting_id BIGINT NOT NULL REFERENCES pko_collaboration_meeting (id) ON DELETE CASCADE,
    kind                     TEXT   NOT NULL CHECK (kind IN ('GENERAL_PRACTICE', 'MUNICIPAL_CASEWORKER',
                                                             'PRIVATE_HEALTH', 'REGIONAL')),
    name                     TEXT   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    UNIQUE (collaboration_meeting_id, name)
);

CREATE TABLE pko_manege_point
(
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    collaboration_meeting_id BIGINT NOT NULL REFERENCES pko_collaboration_meeting (id) ON DELETE CASCADE,
    title                    TEXT   NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description              TEXT   NOT NULL DEFAULT '' CHECK (length(description) <= 2000)
);

CREATE TABLE pko_manege_contribution
(
    point_id BIGINT NOT NULL REFERENCES pko_manege_point (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES pko_manege_actor (id) ON DELETE CASCADE,
    text     TEXT   NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    PRIMARY KEY (point_id, actor_id)
);
