-- A mail that carries a personal secret (a survey link) keeps its body only until it is sent or given up:
-- then the body is replaced, so the link exists only as a hash in Samspil's database.
ALTER TABLE mail_outbox ADD COLUMN secret BOOLEAN NOT NULL DEFAULT FALSE;
