-- A checked national file waiting for the consultant's "dette fjerner N praksissers tal" answer (module servicedata).
-- It lives in the shared database, not on one instance's disk, so the confirmation may reach any instance. A row is
-- deleted when the file is confirmed or cancelled, replaced by the same user's next upload, or a day old.
CREATE TABLE register_pending_import
(
    token             UUID PRIMARY KEY,
    username          TEXT        NOT NULL,
    kind              TEXT        NOT NULL CHECK (kind IN ('SERVICES', 'PRACTICES')),
    file_name         TEXT        NOT NULL,
    removed_practices INT         NOT NULL CHECK (removed_practices >= 0),
    content           BYTEA       NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX register_pending_import_user ON register_pending_import (username);
