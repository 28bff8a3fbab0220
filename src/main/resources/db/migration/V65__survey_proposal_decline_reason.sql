-- A proposal the consultant does not use carries the reason, which its author sees beside it.
ALTER TABLE survey_proposal ADD COLUMN decline_reason TEXT CHECK (length(decline_reason) BETWEEN 1 AND 2000);
