-- Meeting decks (module deck): every generated version of an order's deck is kept; the token makes its download
-- address unguessable (the order's access rules apply as well).
CREATE TABLE deck_version
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    version      INT         NOT NULL,
    token        TEXT        NOT NULL UNIQUE,
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'READY', 'FAILED')),
    slides       INT,
    pptx         BYTEA,
    pdf          BYTEA,
    failure      TEXT,
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ready_at     TIMESTAMPTZ,
    sent_by      TEXT,
    sent_at      TIMESTAMPTZ,
    UNIQUE (order_id, version)
);
