-- Care pathway descriptions (forløbsbeskrivelser, seed 003): the template's five sections, kept as versions, written
-- by the scheme's people and by authors invited by a personal link; the approval chain (the relevant Specialråd, the
-- practice coordinators, PLO-M and, for a new description or a significant change, the region) with a row per party
-- and round; "regionalt gældende" when all approved; then to the praksis.dk editors and on the public page.
CREATE TABLE publishing_pathway (
    id bigserial PRIMARY KEY,
    region_code varchar(4) NOT NULL,
    patient_group varchar(200) NOT NULL,
    specialty varchar(200) NOT NULL,
    owner_person_id bigint NOT NULL,
    owner_name text NOT NULL,
    review_date date NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'APPROVAL', 'CURRENT')),
    change_kind varchar(20) NOT NULL DEFAULT 'NEW' CHECK (change_kind IN ('NEW', 'SIGNIFICANT', 'MINOR')),
    extra_work boolean NOT NULL DEFAULT false,
    version int NOT NULL DEFAULT 1,
    approval_round int NOT NULL DEFAULT 0,
    round_version int,
    approved_version int,
    approved_at timestamptz,
    news_mail boolean,
    news_request_id bigint REFERENCES publishing_request ON DELETE SET NULL,
    published_version int,
    published_at timestamptz,
    created_by_user_id bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publishing_pathway_region ON publishing_pathway (region_code, status);

CREATE TABLE publishing_pathway_version (
    pathway_id bigint NOT NULL REFERENCES publishing_pathway ON DELETE CASCADE,
    number int NOT NULL,
    background text NOT NULL,
    workup text NOT NULL,
    referral text NOT NULL,
    treatment text NOT NULL,
    followup text NOT NULL,
    edited_by text NOT NULL,
    edited_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pathway_id, number)
);

-- Authors without an account: a personal link that edits only its pathway, 90 days; only the hash of its token.
CREATE TABLE publishing_pathway_author (
    id bigserial PRIMARY KEY,
    pathway_id bigint NOT NULL REFERENCES publishing_pathway ON DELETE CASCADE,
    name text NOT NULL,
    email text NOT NULL,
    token_hash varchar(64) NOT NULL UNIQUE,
    invited_by text NOT NULL,
    invited_at timestamptz NOT NULL DEFAULT now()
);

-- The approvers asked, per party (chosen when the chain is started).
CREATE TABLE publishing_pathway_approver (
    pathway_id bigint NOT NULL REFERENCES publishing_pathway ON DELETE CASCADE,
    party varchar(20) NOT NULL CHECK (party IN ('SPECIALRAAD', 'COORDINATORS', 'PLO_M', 'REGION')),
    name text NOT NULL,
    email text NOT NULL,
    PRIMARY KEY (pathway_id, party)
);

-- One row per party and round: who answered, when, how, with what comment; the link's token only as a hash.
CREATE TABLE publishing_pathway_approval (
    id bigserial PRIMARY KEY,
    pathway_id bigint NOT NULL REFERENCES publishing_pathway ON DELETE CASCADE,
    round int NOT NULL,
    version int NOT NULL,
    party varchar(20) NOT NULL,
    approver_name text NOT NULL,
    approver_email text NOT NULL,
    token_hash varchar(64) UNIQUE,
    decision varchar(10) CHECK (decision IN ('APPROVED', 'REFUSED')),
    decided_by text,
    decided_how varchar(10) CHECK (decided_how IN ('SIGNED_IN', 'LINK')),
    decided_at timestamptz,
    comment text,
    asked_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pathway_id, round, party)
);

-- The public pathway pages' rate limit: a token bucket per client, keyed by a hash of its address.
CREATE TABLE publishing_pathway_guard (
    client bytea PRIMARY KEY,
    tokens double precision NOT NULL,
    refilled_at timestamptz NOT NULL
);
