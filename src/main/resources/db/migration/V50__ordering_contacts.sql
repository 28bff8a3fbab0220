-- Who calls whom (module ordering): the coordinator's phone number for the call-back, the consultant who took the
-- order at the call-back, and when the consultant recorded the first contact with the municipality (the municipal
-- invitations wait for it when the consultant makes that contact).
ALTER TABLE package_order ADD COLUMN coordinator_phone TEXT CHECK (length(coordinator_phone) <= 40);
ALTER TABLE package_order ADD COLUMN consultant_user_id BIGINT REFERENCES app_user (id);
ALTER TABLE package_order ADD COLUMN municipality_contacted_at TIMESTAMPTZ;
-- Orders placed before: their invitations were sent at once, so their first contact counts as made.
UPDATE package_order SET municipality_contacted_at = ordered_at;
