-- Seed 004's first contact with the municipality: who made it, when, and the municipality's answer.
CREATE TABLE order_first_contact
(
    order_id    BIGINT PRIMARY KEY REFERENCES package_order (id) ON DELETE CASCADE,
    made_by     TEXT        NOT NULL CHECK (length(made_by) BETWEEN 1 AND 200),
    made_on     DATE        NOT NULL,
    answer      TEXT        NOT NULL CHECK (answer IN ('JOINS', 'DECLINES', 'UNDECIDED')),
    note        TEXT,
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Orders placed before the step existed get it, owned by the side that makes the first contact.
INSERT INTO order_task (order_id, step, owner, due_date)
SELECT id, 'FIRST_CONTACT', first_contact, (callback_at AT TIME ZONE 'Europe/Copenhagen')::date + 7
FROM package_order
ON CONFLICT (order_id, step) DO NOTHING;
