-- Who took part in an order's meeting, as they were when it was written down (a member who later leaves the
-- cluster stays in the minutes). The key says where the person came from: coordinator, member-<id>,
-- participant-<id>, consultant. Others present are free text on the meeting row.
CREATE TABLE meeting_attendee
(
    order_id     BIGINT NOT NULL REFERENCES meeting (order_id) ON DELETE CASCADE,
    person_key   TEXT   NOT NULL,
    name         TEXT   NOT NULL,
    organisation TEXT   NOT NULL DEFAULT '',
    email        TEXT,
    PRIMARY KEY (order_id, person_key)
);

ALTER TABLE meeting
    ADD COLUMN other_attendees    TEXT NOT NULL DEFAULT '',
    ADD COLUMN attendance_version INT  NOT NULL DEFAULT 0;
