-- Newsletter requests to praksis.dk (seed 003, "Vejledning til udsendelse af nyhedsmail"), their approvals, the
-- editors' questions, the subscribers with their double opt-in and the unsubscribe links of the mails sent.
CREATE TABLE publishing_request (
    id bigserial PRIMARY KEY,
    region_code varchar(4) NOT NULL,
    author_user_id bigint NOT NULL,
    author_name text NOT NULL,
    author_email text NOT NULL,
    headline varchar(150) NOT NULL,
    body text NOT NULL,
    on_site boolean NOT NULL,
    summary text,
    audience varchar(20) NOT NULL CHECK (audience IN ('MUNICIPALITIES', 'CATCHMENT', 'REGION')),
    hospital_unit_id bigint,
    sender text NOT NULL,
    co_sender text,
    latest_date date NOT NULL,
    short_notice_confirmed boolean NOT NULL DEFAULT false,
    urgent boolean NOT NULL DEFAULT false,
    urgent_reason text,
    status varchar(20) NOT NULL DEFAULT 'DRAFT'
        CHECK (status IN ('DRAFT', 'APPROVAL', 'REFUSED', 'APPROVED', 'RECEIVED', 'QUESTIONS', 'SCHEDULED', 'SENT')),
    approval_round int NOT NULL DEFAULT 0,
    scheduled_for date,
    submitted_at timestamptz,
    sent_at timestamptz,
    recipients int,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (NOT urgent OR urgent_reason IS NOT NULL),
    CHECK (audience <> 'CATCHMENT' OR hospital_unit_id IS NOT NULL)
);
CREATE INDEX publishing_request_author ON publishing_request (author_user_id);
CREATE INDEX publishing_request_status ON publishing_request (status, latest_date);

CREATE TABLE publishing_request_municipality (
    request_id bigint NOT NULL REFERENCES publishing_request ON DELETE CASCADE,
    municipality_code varchar(4) NOT NULL,
    PRIMARY KEY (request_id, municipality_code)
);

-- The parties the author asks for approval (department/hospital management, coordinator, medical coordinator,
-- PLO-M); each round of approval asks them all again.
CREATE TABLE publishing_approver (
    request_id bigint NOT NULL REFERENCES publishing_request ON DELETE CASCADE,
    party varchar(30) NOT NULL CHECK (party IN ('MANAGEMENT', 'COORDINATOR', 'MEDICAL_COORDINATOR', 'PLO_M')),
    name text NOT NULL,
    email text NOT NULL,
    PRIMARY KEY (request_id, party)
);

-- One row per party and round: who answered, when, how, with what comment. The link's token only as a hash.
CREATE TABLE publishing_approval (
    id bigserial PRIMARY KEY,
    request_id bigint NOT NULL REFERENCES publishing_request ON DELETE CASCADE,
    round int NOT NULL,
    party varchar(30) NOT NULL,
    approver_name text NOT NULL,
    approver_email text NOT NULL,
    token_hash varchar(64) UNIQUE,
    link_used_at timestamptz,
    decision varchar(10) CHECK (decision IN ('APPROVED', 'REFUSED')),
    decided_by text,
    decided_how varchar(10) CHECK (decided_how IN ('SIGNED_IN', 'LINK')),
    decided_at timestamptz,
    comment text,
    asked_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (request_id, round, party)
);

CREATE TABLE publishing_question (
    id bigserial PRIMARY KEY,
    request_id bigint NOT NULL REFERENCES publishing_request ON DELETE CASCADE,
    question text NOT NULL,
    asked_by text NOT NULL,
    asked_at timestamptz NOT NULL DEFAULT now(),
    answer text,
    answered_by text,
    answered_at timestamptz
);

-- A sign-up waits here until the address confirms it (double opt-in).
CREATE TABLE publishing_signup (
    token_hash varchar(64) PRIMARY KEY,
    email text NOT NULL,
    general_practice boolean NOT NULL,
    municipality_code varchar(4),
    client_hash bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz
);
CREATE INDEX publishing_signup_client ON publishing_signup (client_hash, created_at);

CREATE TABLE publishing_subscriber (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    general_practice boolean NOT NULL,
    municipality_code varchar(4),
    confirmed_at timestamptz NOT NULL DEFAULT now(),
    unsubscribed_at timestamptz,
    CHECK (NOT general_practice OR municipality_code IS NOT NULL)
);
CREATE UNIQUE INDEX publishing_subscriber_email ON publishing_subscriber (lower(email));

-- Each mail sent carries its own unsubscribe link; only the hash of its token is kept.
CREATE TABLE publishing_unsubscribe_link (
    token_hash varchar(64) PRIMARY KEY,
    subscriber_id bigint NOT NULL REFERENCES publishing_subscriber ON DELETE CASCADE,
    request_id bigint REFERENCES publishing_request ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);
