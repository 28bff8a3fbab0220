-- The public sign-up to an evening meeting (module pko): the catchment area's GPs and trainees ("Uddannelseslæger i
-- almen praksis er også velkomne") sign up through the meeting's unguessable address; the count is for the catering.
-- A hash of the client's address (not the address) holds back one client signing up again and again.
ALTER TABLE pko_evening_meeting ADD COLUMN signup_token TEXT UNIQUE;
UPDATE pko_evening_meeting
SET signup_token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
WHERE signup_token IS NULL;
ALTER TABLE pko_evening_meeting ALTER COLUMN signup_token SET NOT NULL;

CREATE TABLE pko_evening_signup
(
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evening_meeting_id BIGINT      NOT NULL REFERENCES pko_evening_meeting (id) ON DELETE CASCADE,
    name               TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    practice           TEXT        NOT NULL DEFAULT '' CHECK (length(practice) <= 200),
    kind               TEXT        NOT NULL CHECK (kind IN ('GP', 'TRAINEE')),
    client_hash        BYTEA       NOT NULL,
    signed_up_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pko_evening_signup_meeting_idx ON pko_evening_signup (evening_meeting_id);
CREATE INDEX pko_evening_signup_client_idx ON pko_evening_signup (client_hash, signed_up_at);
