-- Changes of an order after it is placed (module ordering): every change with who, when, which field and the value
-- before and after, as the order page lists it; and the order's own programme, a copy of its package version's
-- programme made the first time it is adapted (NULL: the package version's programme as it is).
CREATE TABLE order_change
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    field      TEXT        NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    changed_by TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_change_order_idx ON order_change (order_id, changed_at);

ALTER TABLE package_order ADD COLUMN programme JSONB;
