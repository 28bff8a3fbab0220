-- One table of generated-document versions (module office), keyed by kind and owner, instead of one per kind: an
-- order's deck (DECK, owner: the order) and a meeting's referat (MINUTES, owner: the meeting) today, the PKO's
-- documents next. Each request is a numbered version of its owner under an unguessable token; PENDING until the
-- background job stores the file and its PDF (READY) or gives up (FAILED); then possibly sent. The owner's module
-- keeps its owner; the versions go when the owner asks (no foreign key across modules).
CREATE TABLE document_version
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind ~ '^[A-Z_]{2,40}$'),
    owner_id     BIGINT      NOT NULL,
    version      INT         NOT NULL,
    token        TEXT        NOT NULL UNIQUE,
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'READY', 'FAILED')),
    slides       INT,
    file         BYTEA,
    pdf          BYTEA,
    failure      TEXT,
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ready_at     TIMESTAMPTZ,
    sent_by      TEXT,
    sent_at      TIMESTAMPTZ,
    UNIQUE (kind, owner_id, version)
);
CREATE INDEX document_version_pending ON document_version (kind, id) WHERE status = 'PENDING';

-- The decks keep their ids (a deck's background job is known by it); the referat versions get new ones.
INSERT INTO document_version (id, kind, owner_id, version, token, status, slides, file, pdf, failure, requested_by,
                              requested_at, ready_at, sent_by, sent_at)
    OVERRIDING SYSTEM VALUE
SELECT id, 'DECK', order_id, version, token, status, slides, pptx, pdf, failure, requested_by, requested_at, ready_at,
       sent_by, sent_at
FROM deck_version;
SELECT setval(pg_get_serial_sequence('document_version', 'id'), coalesce((SELECT max(id) FROM document_version), 0) + 1,
              false);
INSERT INTO document_version (kind, owner_id, version, token, status, file, pdf, failure, requested_by, requested_at,
                              ready_at, sent_by, sent_at)
SELECT 'MINUTES', meeting_id, version, token, status, docx, pdf, failure, requested_by, requested_at, ready_at, sent_by,
       sent_at
FROM meeting_minutes;

-- A member's personal link opens the same referat version, now by its new id.
ALTER TABLE meeting_minutes_link ADD COLUMN version_id BIGINT;
UPDATE meeting_minutes_link l SET version_id = d.id
FROM meeting_minutes m JOIN document_version d ON d.kind = 'MINUTES' AND d.token = m.token
WHERE m.id = l.minutes_id;
ALTER TABLE meeting_minutes_link DROP COLUMN minutes_id;
ALTER TABLE meeting_minutes_link
    ALTER COLUMN version_id SET NOT NULL,
    ADD FOREIGN KEY (version_id) REFERENCES document_version (id) ON DELETE CASCADE;

-- The referat's background jobs still waiting are asked for again at start by the new ids (Minutes.resumePending).
DELETE FROM scheduled_tasks WHERE task_name = 'meeting-minutes';

DROP TABLE deck_version;
DROP TABLE meeting_minutes;
