-- Municipal or hospital staff invited by a consultant or coordinator to write a newsletter text ("Teksten til en
-- nyhedsmail kan være skrevet af ... medarbejdere i kommunen eller på hospitalet"): a personal link that writes one
-- request, which then belongs to the inviter, who takes it through approval to the editors.
CREATE TABLE publishing_invitation (
    id bigserial PRIMARY KEY,
    token_hash varchar(64) NOT NULL UNIQUE,
    inviter_user_id bigint NOT NULL,
    inviter_name text NOT NULL,
    inviter_email text NOT NULL,
    region_code varchar(4) NOT NULL,
    writer_name text NOT NULL,
    writer_email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at timestamptz,
    request_id bigint REFERENCES publishing_request ON DELETE SET NULL
);
CREATE INDEX publishing_invitation_inviter ON publishing_invitation (inviter_user_id);

ALTER TABLE publishing_request ADD COLUMN written_by text;
