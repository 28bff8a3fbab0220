-- The medicine package's questionnaire goes to the cluster's members and to the order's municipal participants
-- ("til alle deltagere og andre relevante"). Each invitation says which sector it was sent to; the respondent's
-- sector travels inside the sealed answer and is written with the answer only when the mixing step releases it,
-- in a batch of at least three answers of that sector (or at the close), like the answer itself.
ALTER TABLE survey_invitation
    ADD COLUMN sector TEXT NOT NULL DEFAULT 'CLUSTER' CHECK (sector IN ('CLUSTER', 'MUNICIPALITY'));
ALTER TABLE survey_answer
    ADD COLUMN sector TEXT NOT NULL DEFAULT 'CLUSTER' CHECK (sector IN ('CLUSTER', 'MUNICIPALITY'));
