-- Municipal data (module servicedata): what a municipality delivers for an order's meeting.
-- Referral counts per practice of the cluster and offer, as uploaded (replaced as a whole by each upload).
CREATE TABLE municipal_referral
(
    order_id          BIGINT  NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    municipality_code CHAR(4) NOT NULL REFERENCES municipality (code),
    ydernummer        CHAR(6) NOT NULL CHECK (ydernummer ~ '^[0-9]{6}$'),
    offer             TEXT    NOT NULL CHECK (offer IN ('FOREBYGGELSE', 'REHABILITERING')),
    count             INT     NOT NULL CHECK (count >= 0),
    PRIMARY KEY (order_id, municipality_code, ydernummer, offer)
);

CREATE TABLE municipal_referral_upload
(
    order_id          BIGINT      NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    municipality_code CHAR(4)     NOT NULL REFERENCES municipality (code),
    period            TEXT        NOT NULL,
    file_name         TEXT        NOT NULL,
    rows              INT         NOT NULL,
    uploaded_by       TEXT        NOT NULL,
    uploaded_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, municipality_code)
);

-- The dose-dispensing figures of seed 001, by form; version for optimistic locking.
CREATE TABLE municipal_dosis
(
    order_id           BIGINT        NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    municipality_code  CHAR(4)       NOT NULL REFERENCES municipality (code),
    citizens_nursing   INT CHECK (citizens_nursing >= 0),
    citizens_home_care INT CHECK (citizens_home_care >= 0),
    citizens_care_home INT CHECK (citizens_care_home >= 0),
    staff_hours_week   NUMERIC(9, 1) CHECK (staff_hours_week >= 0),
    contact            TEXT          CHECK (length(contact) <= 1000),
    version            INT           NOT NULL DEFAULT 1,
    updated_by         TEXT          NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, municipality_code)
);
