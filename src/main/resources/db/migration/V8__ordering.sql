-- Orders of cluster packages and their timeline (module ordering).
CREATE TABLE package_order
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    package_slug        TEXT        NOT NULL REFERENCES catalog_package (slug),
    provider_code       TEXT        NOT NULL REFERENCES provider (code),
    cluster_id          BIGINT      NOT NULL REFERENCES cluster (id),
    coordinator_user_id BIGINT      NOT NULL REFERENCES app_user (id),
    meeting_date        DATE        NOT NULL,
    start_time          TIME        NOT NULL,
    venue               TEXT        NOT NULL CHECK (length(venue) BETWEEN 1 AND 300),
    first_contact       TEXT        NOT NULL CHECK (first_contact IN ('PROVIDER', 'CLUSTER')),
    callback_at         TIMESTAMPTZ NOT NULL,
    callback_note       TEXT,
    callback_done_at    TIMESTAMPTZ,
    status              TEXT        NOT NULL,
    cancel_reason       TEXT,
    ordered_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    version             INT         NOT NULL DEFAULT 0
);
CREATE INDEX package_order_cluster_idx ON package_order (cluster_id);
CREATE INDEX package_order_provider_idx ON package_order (provider_code, status);

CREATE TABLE order_municipality
(
    order_id          BIGINT  NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    municipality_code CHAR(4) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (order_id, municipality_code)
);
CREATE INDEX order_municipality_code_idx ON order_municipality (municipality_code);

CREATE TABLE order_participant
(
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id          BIGINT  NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    name              TEXT    NOT NULL,
    email             TEXT    NOT NULL,
    role              TEXT,
    municipality_code CHAR(4) NOT NULL REFERENCES municipality (code),
    invited_at        TIMESTAMPTZ
);

CREATE TABLE order_elective_topic
(
    order_id   BIGINT NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    topic_key  TEXT   NOT NULL,
    free_text  TEXT,
    PRIMARY KEY (order_id, topic_key)
);

CREATE TABLE order_task
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id            BIGINT NOT NULL REFERENCES package_order (id) ON DELETE CASCADE,
    step                TEXT   NOT NULL,
    owner               TEXT   NOT NULL CHECK (owner IN ('CLUSTER', 'PROVIDER', 'MUNICIPALITY')),
    due_date            DATE   NOT NULL,
    done_at             TIMESTAMPTZ,
    done_by             TEXT,
    reminded_before_at  TIMESTAMPTZ,
    reminded_overdue_at TIMESTAMPTZ,
    UNIQUE (order_id, step)
);
CREATE INDEX order_task_open_idx ON order_task (due_date) WHERE done_at IS NULL;

-- A user's subscribable calendar: only a hash of the secret token is kept.
CREATE TABLE calendar_feed
(
    user_id    BIGINT PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
