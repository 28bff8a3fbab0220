-- The questionnaire of an order (module survey).
--
-- Anonymity by construction: an answer can never be traced to the person or the link that gave it.
--  * survey_invitation is written once, when the survey is sent, and never touched when someone answers.
--  * Answering inserts a response mark (who has answered, to stop reminders) and a pending answer in one
--    transaction. The mark's primary key makes each link answer once.
--  * A mixing step moves pending answers into survey_answer in random order under random UUIDs, and rewrites
--    all marks of the survey in random order, so that no column, key, transaction id (xmin), timestamp or
--    physical order links an answer to a mark. Neither table has a timestamp.
CREATE TABLE survey
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        BIGINT NOT NULL UNIQUE REFERENCES package_order (id) ON DELETE CASCADE,
    status          TEXT   NOT NULL DEFAULT 'REVIEW' CHECK (status IN ('REVIEW', 'FROZEN', 'OPEN', 'CLOSED')),
    closes_on       DATE,
    reminder_days   TEXT   NOT NULL DEFAULT '7,2',
    opened_at       TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ
);

CREATE TABLE survey_version
(
    survey_id  BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    number     INT    NOT NULL,
    questions  JSONB  NOT NULL,
    frozen_at  TIMESTAMPTZ,
    PRIMARY KEY (survey_id, number)
);

CREATE TABLE survey_proposal
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id    BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    question_key TEXT,
    kind         TEXT   NOT NULL CHECK (kind IN ('COMMENT', 'REWORD', 'ADD', 'REMOVE', 'MOVE')),
    text         TEXT   NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    author_name  TEXT   NOT NULL,
    party        TEXT   NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    status       TEXT   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'APPLIED', 'DECLINED'))
);

CREATE TABLE survey_invitation
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survey_id  BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    email      TEXT   NOT NULL,
    token_hash TEXT   NOT NULL UNIQUE
);
CREATE UNIQUE INDEX survey_invitation_email_uq ON survey_invitation (survey_id, lower(email));

-- Who has answered (never what); rewritten in random order by the mixing step.
CREATE TABLE survey_response_mark
(
    invitation_id BIGINT PRIMARY KEY REFERENCES survey_invitation (id) ON DELETE CASCADE,
    survey_id     BIGINT NOT NULL
);
CREATE INDEX survey_response_mark_survey_idx ON survey_response_mark (survey_id);

-- Reminders sent, per invitation: counted for the response-rate view, cleared when the survey is sent again.
CREATE TABLE survey_reminder
(
    survey_id BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    sent_on   DATE   NOT NULL,
    recipients INT   NOT NULL,
    PRIMARY KEY (survey_id, sent_on)
);

-- A respondent's unfinished answer, to resume from the same link; deleted when the answer is sent.
CREATE TABLE survey_draft
(
    invitation_id BIGINT PRIMARY KEY REFERENCES survey_invitation (id) ON DELETE CASCADE,
    payload       JSONB  NOT NULL
);

-- Answers waiting for the mixing step: no key, no timestamp.
CREATE TABLE survey_answer_pending
(
    survey_id      BIGINT NOT NULL,
    version_number INT    NOT NULL,
    payload        JSONB  NOT NULL
);
CREATE INDEX survey_answer_pending_survey_idx ON survey_answer_pending (survey_id);

-- The anonymous answers: a random UUID, the survey, the version answered and the answers.
CREATE TABLE survey_answer
(
    id             UUID   PRIMARY KEY,
    survey_id      BIGINT NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    version_number INT    NOT NULL,
    payload        JSONB  NOT NULL
);
CREATE INDEX survey_answer_survey_idx ON survey_answer (survey_id);
