-- The meeting of an order (module meeting): its roles, each programme block's actual times and notes, the parking
-- lot, the agreements with their status history, and the minutes (referat) as kept versions. Everything that two
-- people may edit at once carries a version for optimistic locking.
CREATE TABLE meeting
(
    order_id   BIGINT PRIMARY KEY REFERENCES package_order (id) ON DELETE CASCADE,
    chair      TEXT        NOT NULL DEFAULT '',
    referent   TEXT        NOT NULL DEFAULT '',
    presenters TEXT        NOT NULL DEFAULT '',
    version    INT         NOT NULL DEFAULT 0,
    updated_by TEXT,
    updated_at TIMESTAMPTZ
);

-- One row per programme item, by its position in the package's programme.
CREATE TABLE meeting_block
(
    order_id     BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    position     INT         NOT NULL,
    actual_start TIME,
    actual_end   TIME,
    notes        TEXT        NOT NULL DEFAULT '',
    version      INT         NOT NULL DEFAULT 0,
    updated_by   TEXT,
    updated_at   TIMESTAMPTZ,
    PRIMARY KEY (order_id, position)
);

-- The parking lot (parkeringsplads): ideas and unresolved questions, each with an owner.
CREATE TABLE meeting_parking_item
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    text       TEXT        NOT NULL,
    owner      TEXT        NOT NULL DEFAULT '',
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX meeting_parking_item_order ON meeting_parking_item (order_id);

-- Agreements (aftaler): what, who (a person, a party or both), by when, and where they stand.
CREATE TABLE meeting_agreement
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    what         TEXT        NOT NULL,
    owner_person TEXT        NOT NULL DEFAULT '',
    owner_party  TEXT CHECK (owner_party IN ('CLUSTER', 'MUNICIPALITY', 'PROVIDER')),
    due_date     DATE,
    action_type  TEXT,
    status       TEXT        NOT NULL DEFAULT 'AGREED' CHECK (status IN ('AGREED', 'IN_PROGRESS', 'DONE', 'ABANDONED')),
    version      INT         NOT NULL DEFAULT 0,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (owner_person <> '' OR owner_party IS NOT NULL)
);
CREATE INDEX meeting_agreement_order ON meeting_agreement (order_id);

-- Every change of an agreement's status: who, when, from, to and (for abandoning) why.
CREATE TABLE meeting_agreement_history
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agreement_id BIGINT      NOT NULL REFERENCES meeting_agreement (id) ON DELETE CASCADE,
    changed_by   TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    from_status  TEXT,
    to_status    TEXT        NOT NULL,
    reason       TEXT
);
CREATE INDEX meeting_agreement_history_agreement ON meeting_agreement_history (agreement_id);

-- The minutes (referat): every version is kept; the token makes its download address unguessable.
CREATE TABLE meeting_minutes
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    version      INT         NOT NULL,
    token        TEXT        NOT NULL UNIQUE,
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'READY', 'FAILED')),
    docx         BYTEA,
    pdf          BYTEA,
    failure      TEXT,
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ready_at     TIMESTAMPTZ,
    sent_by      TEXT,
    sent_at      TIMESTAMPTZ,
    UNIQUE (order_id, version)
);
