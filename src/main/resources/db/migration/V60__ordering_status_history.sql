-- Every change of an order's status: what happened (automatic) or why a person changed it (manual, with a reason).
CREATE TABLE order_status_change
(
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    from_status TEXT        NOT NULL,
    to_status   TEXT        NOT NULL,
    changed_by  TEXT        NOT NULL,
    reason      TEXT,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_status_change_order_idx ON order_status_change (order_id, changed_at);
