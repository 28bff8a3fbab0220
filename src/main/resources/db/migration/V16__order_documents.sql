-- The PDF versions of an order's package documents (module deck), made in the background by LibreOffice; the Word
-- versions are written on request. facts_hash says which order facts (date, venue, ...) a PDF was made from, so a
-- changed order gets new PDFs.
CREATE TABLE order_document_pdf
(
    order_id   BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL,
    facts_hash TEXT        NOT NULL,
    pdf        BYTEA       NOT NULL,
    made_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, kind)
);

-- The unguessable part of the order's document addresses (the order's access rules apply as well).
CREATE TABLE order_document_link
(
    order_id BIGINT PRIMARY KEY REFERENCES package_order (id) ON DELETE CASCADE,
    token    TEXT NOT NULL UNIQUE
);
