-- The invitation of an evening meeting (module pko, seed 003): "Fyraftensmøderne er for optageområdets praktiserende
-- læger. Uddannelseslæger i almen praksis er også velkomne": sent through the outbox with the programme as PDF to the
-- GP addresses of the municipalities of the unit's catchment area; when, by whom and to how many is kept.
ALTER TABLE pko_evening_meeting
    ADD COLUMN invited_at    TIMESTAMPTZ,
    ADD COLUMN invited_by    TEXT,
    ADD COLUMN invited_count INT CHECK (invited_count IS NULL OR invited_count >= 0);
