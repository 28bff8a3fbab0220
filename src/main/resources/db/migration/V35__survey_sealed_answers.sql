-- Answers and drafts are sealed before they reach the database (module survey, see AnswerCipher and Mixer).
--  * survey_answer_pending: each sent answer sealed (AES-GCM) with the application key, which is not in the
--    database, padded to whole 4 KB blocks; the version answered is inside the seal. "mixed" marks rows the mixing
--    step has already rewritten (and so unlinked from their response mark) while it holds them back for a batch.
--  * survey_draft: sealed with a key derived from the respondent's link, which the server does not keep.
-- The 4 KB values stay in the row (no TOAST chunks) so a submission writes one row.

-- Answers still pending in plaintext are mixed now, as the mixing step did until this version.
INSERT INTO survey_answer (id, survey_id, version_number, payload)
SELECT gen_random_uuid(), survey_id, version_number, payload FROM survey_answer_pending ORDER BY random();
DELETE FROM survey_answer_pending;
WITH marks AS (DELETE FROM survey_response_mark RETURNING invitation_id, survey_id)
INSERT INTO survey_response_mark (invitation_id, survey_id) SELECT invitation_id, survey_id FROM marks ORDER BY random();

ALTER TABLE survey_answer_pending DROP COLUMN version_number, DROP COLUMN payload,
    ADD COLUMN sealed BYTEA NOT NULL, ADD COLUMN mixed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE survey_answer_pending ALTER COLUMN sealed SET STORAGE MAIN, SET (toast_tuple_target = 8160);

-- Drafts in plaintext cannot be sealed (the links are not kept): they are removed.
DELETE FROM survey_draft;
ALTER TABLE survey_draft DROP COLUMN payload, ADD COLUMN sealed BYTEA NOT NULL;
ALTER TABLE survey_draft ALTER COLUMN sealed SET STORAGE MAIN, SET (toast_tuple_target = 8160);

-- Which application key seals the answers: an HMAC of a fixed text under it (nothing about the key itself), so an
-- instance started with another key refuses to start instead of sealing answers the others cannot open.
CREATE TABLE survey_key_check
(
    id          INT  PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL
);
