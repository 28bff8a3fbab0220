-- The practice consultant scheme's working agreements, onboarding checklists, contracts, hours, extra hours and
-- approved periods (module pko, issue 19).

-- "Aftal kommunikation": per consultant and partner (one attachment), the handbook's four points.
CREATE TABLE pko_working_agreement
(
    attachment_id  BIGINT PRIMARY KEY REFERENCES pko_attachment (id) ON DELETE CASCADE,
    partner_name   TEXT CHECK (partner_name IS NULL OR length(partner_name) <= 200),
    fixed_meetings TEXT CHECK (fixed_meetings IS NULL OR length(fixed_meetings) <= 1000),
    ad_hoc         TEXT CHECK (ad_hoc IS NULL OR length(ad_hoc) <= 1000),
    email_response TEXT CHECK (email_response IS NULL OR length(email_response) <= 200),
    phone          TEXT CHECK (phone IS NULL OR length(phone) <= 200),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- "9 gode råd": which of the nine the person has ticked off (the texts are in the message bundle).
CREATE TABLE pko_onboarding_tick
(
    person_id BIGINT   NOT NULL REFERENCES pko_person (id) ON DELETE CASCADE,
    item      SMALLINT NOT NULL CHECK (item BETWEEN 1 AND 9),
    ticked_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, item)
);

-- Who issues and pays: a hospital unit, a municipality, or (for coordinators) Koncern Kvalitet (a partner body).
CREATE TABLE pko_contract
(
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id               BIGINT NOT NULL REFERENCES pko_person (id) ON DELETE CASCADE,
    attachment_id           BIGINT REFERENCES pko_attachment (id) ON DELETE SET NULL,
    payer_unit_id           BIGINT REFERENCES hospital_unit (id),
    payer_municipality_code CHAR(4) REFERENCES municipality (code),
    payer_body_id           BIGINT REFERENCES pko_partner_body (id),
    starts_on               DATE   NOT NULL,
    ends_on                 DATE   NOT NULL,
    payment                 TEXT   NOT NULL CHECK (payment IN ('FIXED', 'BY_HOURS')),
    fixed_hours_per_year    NUMERIC(7, 2) CHECK (fixed_hours_per_year IS NULL OR fixed_hours_per_year > 0),
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(payer_unit_id, payer_municipality_code, payer_body_id) = 1),
    CHECK (ends_on >= starts_on),
    CHECK ((payment = 'FIXED') = (fixed_hours_per_year IS NOT NULL))
);
CREATE INDEX pko_contract_person_idx ON pko_contract (person_id);

CREATE TABLE pko_hours
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id BIGINT        NOT NULL REFERENCES pko_contract (id) ON DELETE CASCADE,
    worked_on   DATE          NOT NULL,
    task_kind   TEXT          NOT NULL CHECK (length(task_kind) BETWEEN 1 AND 60),
    hours       NUMERIC(5, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
    note        TEXT CHECK (note IS NULL OR length(note) <= 500),
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX pko_hours_contract_idx ON pko_hours (contract_id, worked_on);

-- Extra hours "skal aftales særskilt": counted as extra only once the payer has approved them.
CREATE TABLE pko_extra_hours
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id  BIGINT        NOT NULL REFERENCES pko_contract (id) ON DELETE CASCADE,
    period_month DATE          NOT NULL CHECK (extract(day FROM period_month) = 1),
    hours        NUMERIC(6, 2) NOT NULL CHECK (hours > 0 AND hours <= 1000),
    reason       TEXT          NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    status       TEXT          NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUSED')),
    requested_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    decided_by   BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
    decided_at   TIMESTAMPTZ
);
CREATE INDEX pko_extra_hours_contract_idx ON pko_extra_hours (contract_id, period_month);

-- A period (calendar month) of a contract: the consultant approves their own hours (locks them), then the payer
-- approves the period for payment.
CREATE TABLE pko_period
(
    contract_id           BIGINT NOT NULL REFERENCES pko_contract (id) ON DELETE CASCADE,
    period_month          DATE   NOT NULL CHECK (extract(day FROM period_month) = 1),
    consultant_approved_at TIMESTAMPTZ NOT NULL,
    payer_approved_at     TIMESTAMPTZ,
    payer_approved_by     BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
    PRIMARY KEY (contract_id, period_month)
);

-- Demo-independent: the Koncern Kvalitet row is looked up by kind.
CREATE INDEX pko_partner_body_kind_idx ON pko_partner_body (region_code, kind);
