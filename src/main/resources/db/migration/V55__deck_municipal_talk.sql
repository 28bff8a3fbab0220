-- The municipality's own slides for its talk in a programme block (module deck): one .pptx per order and block
-- (the block's position in the package's programme, from 0); the deck copies its slides in the talk's place.
CREATE TABLE deck_municipal_talk
(
    order_id    BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    block       INT         NOT NULL CHECK (block >= 0),
    file_name   TEXT        NOT NULL,
    slides      INT         NOT NULL CHECK (slides > 0),
    pptx        BYTEA       NOT NULL,
    uploaded_by TEXT        NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, block)
);
