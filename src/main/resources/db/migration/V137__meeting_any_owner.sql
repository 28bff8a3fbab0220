-- A meeting is a thing of its own (module meeting), not a column of an order: an order's meeting is one kind of
-- owner, the PKO scheme's meetings are others. Each owner (kind + id) has one meeting; everything written during it
-- (blocks, parking lot, agreements, attendance, the referat) hangs on the meeting's id. An order's meeting keeps
-- order_id so that it goes when the order goes.

-- Every order with something written at its meeting has its meeting row (the rows were made on opening the page).
INSERT INTO meeting (order_id)
SELECT order_id FROM meeting_block
UNION SELECT order_id FROM meeting_parking_item
UNION SELECT order_id FROM meeting_agreement
UNION SELECT order_id FROM meeting_minutes
ON CONFLICT DO NOTHING;

ALTER TABLE meeting_attendee DROP CONSTRAINT meeting_attendee_order_id_fkey;
ALTER TABLE meeting DROP CONSTRAINT meeting_pkey;
ALTER TABLE meeting
    ADD COLUMN id         BIGINT GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN owner_kind TEXT NOT NULL DEFAULT 'ORDER' CHECK (owner_kind ~ '^[A-Z_]{2,40}$'),
    ADD COLUMN owner_id   BIGINT;
UPDATE meeting SET owner_id = order_id;
ALTER TABLE meeting
    ALTER COLUMN owner_id SET NOT NULL,
    ALTER COLUMN owner_kind DROP DEFAULT,
    ALTER COLUMN order_id DROP NOT NULL,
    ADD PRIMARY KEY (id),
    ADD CONSTRAINT meeting_order UNIQUE (order_id),
    ADD CONSTRAINT meeting_owner UNIQUE (owner_kind, owner_id),
    ADD CONSTRAINT meeting_order_is_owner CHECK ((owner_kind = 'ORDER') = (order_id IS NOT NULL)
        AND (order_id IS NULL OR order_id = owner_id));

-- A meeting of its own has its own agenda: each block's title, minutes, speaker and whether it is a break. An
-- order's meeting leaves them empty and follows its package's programme.
ALTER TABLE meeting_block
    ADD COLUMN title   TEXT,
    ADD COLUMN minutes INT CHECK (minutes BETWEEN 1 AND 600),
    ADD COLUMN speaker TEXT NOT NULL DEFAULT '',
    ADD COLUMN pause   BOOLEAN NOT NULL DEFAULT false;

-- The children move from order_id to meeting_id.
ALTER TABLE meeting_block ADD COLUMN meeting_id BIGINT;
UPDATE meeting_block c SET meeting_id = m.id FROM meeting m WHERE m.order_id = c.order_id;
ALTER TABLE meeting_block DROP CONSTRAINT meeting_block_pkey;
ALTER TABLE meeting_block DROP COLUMN order_id;
ALTER TABLE meeting_block
    ALTER COLUMN meeting_id SET NOT NULL,
    ADD FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    ADD PRIMARY KEY (meeting_id, position);

ALTER TABLE meeting_attendee ADD COLUMN meeting_id BIGINT;
UPDATE meeting_attendee c SET meeting_id = m.id FROM meeting m WHERE m.order_id = c.order_id;
ALTER TABLE meeting_attendee DROP CONSTRAINT meeting_attendee_pkey;
ALTER TABLE meeting_attendee DROP COLUMN order_id;
ALTER TABLE meeting_attendee
    ALTER COLUMN meeting_id SET NOT NULL,
    ADD FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    ADD PRIMARY KEY (meeting_id, person_key);

ALTER TABLE meeting_parking_item ADD COLUMN meeting_id BIGINT;
UPDATE meeting_parking_item c SET meeting_id = m.id FROM meeting m WHERE m.order_id = c.order_id;
ALTER TABLE meeting_parking_item DROP COLUMN order_id;
ALTER TABLE meeting_parking_item
    ALTER COLUMN meeting_id SET NOT NULL,
    ADD FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE;
CREATE INDEX meeting_parking_item_meeting ON meeting_parking_item (meeting_id);

ALTER TABLE meeting_agreement ADD COLUMN meeting_id BIGINT;
UPDATE meeting_agreement c SET meeting_id = m.id FROM meeting m WHERE m.order_id = c.order_id;
ALTER TABLE meeting_agreement DROP COLUMN order_id;
ALTER TABLE meeting_agreement
    ALTER COLUMN meeting_id SET NOT NULL,
    ADD FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE;
CREATE INDEX meeting_agreement_meeting ON meeting_agreement (meeting_id);

ALTER TABLE meeting_minutes ADD COLUMN meeting_id BIGINT;
UPDATE meeting_minutes c SET meeting_id = m.id FROM meeting m WHERE m.order_id = c.order_id;
ALTER TABLE meeting_minutes DROP COLUMN order_id;
ALTER TABLE meeting_minutes
    ALTER COLUMN meeting_id SET NOT NULL,
    ADD FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    ADD UNIQUE (meeting_id, version);
