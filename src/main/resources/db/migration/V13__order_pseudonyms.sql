-- The letters (Praksis A, B, ...) under which an order's practices are shown; fixed when first needed, so they stay
-- the same for the order (and, carried over, for its follow-up a year later).
CREATE TABLE order_pseudonym
(
    order_id   BIGINT  NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    ydernummer CHAR(6) NOT NULL,
    letter     TEXT    NOT NULL,
    PRIMARY KEY (order_id, ydernummer),
    UNIQUE (order_id, letter)
);
