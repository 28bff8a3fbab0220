-- A municipal practice consultant's review ("eftersyn", seed 003, "Den gode korrespondance") of the correspondence
-- between general practice and the municipality's home care, by the handbook's three questions: what is written
-- about, who writes, how fast an answer is expected. From counts the municipality delivers: a category of each
-- question and a count per month. Never a CPR number, never a message's text.
CREATE TABLE pko_km_review
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code       TEXT        NOT NULL REFERENCES region (code),
    municipality_code CHAR(4)     NOT NULL REFERENCES municipality (code),
    name              TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    uploaded_file     TEXT CHECK (uploaded_file IS NULL OR length(uploaded_file) <= 200),
    uploaded_by       TEXT,
    uploaded_at       TIMESTAMPTZ,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pko_km_review_municipality_idx ON pko_km_review (municipality_code);

CREATE TABLE pko_km_count
(
    review_id    BIGINT NOT NULL REFERENCES pko_km_review (id) ON DELETE CASCADE,
    period_month DATE   NOT NULL CHECK (extract(DAY FROM period_month) = 1),
    topic        TEXT   NOT NULL CHECK (topic IN ('PATIENT_INFO', 'TREATMENT', 'HOME_VISIT', 'REFERRAL', 'GP_QUESTION',
                                                  'PHARMACY', 'JOB_CENTRE', 'CERTIFICATE', 'SHORT_MESSAGE', 'ACUTE',
                                                  'GENERAL', 'CARE_HOME_STATUS', 'JOB_CENTRE_HEALTH', 'OTHER')),
    sender       TEXT   NOT NULL CHECK (sender IN ('GP', 'GP_STAFF', 'HOME_CARE', 'HOME_NURSING', 'OTHER')),
    response     TEXT   NOT NULL CHECK (response IN ('ORDINARY', 'URGENT', 'NONE')),
    count        INT    NOT NULL CHECK (count BETWEEN 0 AND 1000000),
    PRIMARY KEY (review_id, period_month, topic, sender, response)
);

-- A collaboration meeting may take a review with it (the handbook's "Korrespondancer med hjemmeplejen").
ALTER TABLE pko_collaboration_meeting
    ADD COLUMN km_review_id BIGINT REFERENCES pko_km_review (id) ON DELETE SET NULL;
