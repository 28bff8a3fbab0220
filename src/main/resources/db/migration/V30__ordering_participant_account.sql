-- A municipal participant named by an order sees that order through this link to their account, not through a
-- municipality: an order no longer gives anyone the rights of a municipality (module ordering).
ALTER TABLE order_participant ADD COLUMN user_id BIGINT REFERENCES app_user (id) ON DELETE SET NULL;
CREATE INDEX order_participant_user_idx ON order_participant (user_id);

-- Accounts that an order's invitation made kept the municipality of the participant row, and with it every order
-- of that municipality. They keep only the orders that named them.
UPDATE order_participant p SET user_id = u.id
FROM app_user u
WHERE u.role = 'MUNICIPALITY' AND lower(u.email) = lower(p.email);

UPDATE app_user SET municipality_code = NULL
WHERE role = 'MUNICIPALITY' AND id IN (SELECT user_id FROM user_invitation);
