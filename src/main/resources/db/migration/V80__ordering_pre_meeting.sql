-- The pre-meeting (formøde) of an order (seed 004): when, where, who takes part and what was agreed. One per order;
-- its date is the drejebog's PRE_MEETING step, and the calendar shows it at its time.
CREATE TABLE order_pre_meeting
(
    order_id   BIGINT PRIMARY KEY REFERENCES package_order (id) ON DELETE CASCADE,
    held_on    DATE        NOT NULL,
    starts_at  TIME        NOT NULL,
    ends_at    TIME        NOT NULL,
    place      TEXT        NOT NULL DEFAULT '',
    attendees  TEXT        NOT NULL,
    notes      TEXT        NOT NULL DEFAULT '',
    version    INT         NOT NULL DEFAULT 0,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
