-- The failed-link limit of the respondent's pages, shared by every instance: one token bucket per client (the
-- SHA-256 of its address, not the address). A row untouched for a whole window is a full bucket and may go.
CREATE TABLE survey_link_guard (
    client      BYTEA PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX survey_link_guard_refilled ON survey_link_guard (refilled_at);
