-- A PKOrientering contribution the unit's coordinator sent back to its author with a comment (module publishing):
-- the request is then editable again (status REFUSED) and goes through its approvers once more before it returns.
CREATE TABLE publishing_contribution_return (
    id bigserial PRIMARY KEY,
    request_id bigint NOT NULL REFERENCES publishing_request ON DELETE CASCADE,
    comment text NOT NULL,
    returned_by text NOT NULL,
    returned_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publishing_contribution_return_request_idx ON publishing_contribution_return (request_id);
